import net from 'node:net';
import { createLogger } from '../../src/observability/logger';
import { MAX_WAITING_PER_CONNECTION } from '../../src/http/request-turns';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
const lines: Record<string, any>[] = [];
beforeAll(async () => {
  server = await startTestServer({ logger: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }), config: { rateLimitPerMinute: 0 } });
});
afterAll(() => server.close());

const BODY = '{"query":"{ topics { totalCount } }"}';

/** `count` POSTs written at once on one connection (HTTP pipelining), each with its own request id. */
function pipelined(count: number, id: (i: number) => string): string {
  const url = new URL(server.url);
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nX-Request-Id: ${id(i)}\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`;
  }
  return text;
}

/** The status lines of the answers on a connection, until `count` have come. */
function statuses(socket: net.Socket, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const found = [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
      if (found.length >= count) resolve(found.slice(0, count));
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error(`only ${[...text.matchAll(/HTTP\/1\.1 /g)].length} of ${count} answers`)), 20000).unref();
  });
}

describe('a client that pipelines many requests on one connection', () => {
  it('gets each answered in order, the surplus refused with 503 SERVER_BUSY, and does not hold up another client', async () => {
    const url = new URL(server.url);
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const count = 400;
    const answered = statuses(socket, count);
    socket.write(pipelined(count, (i) => `pipelined-${i}`));
    // Another client meanwhile: answered, not queued behind the flood.
    const other = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    expect(other.status).toBe(200);
    const got = await answered;
    socket.destroy();
    expect(got.every((status) => status === 200 || status === 503)).toBe(true);
    expect(got.filter((status) => status === 200).length).toBeGreaterThanOrEqual(MAX_WAITING_PER_CONNECTION);
    expect(got).toContain(503);
    // The answers come in the order of the requests (HTTP/1.1), and each refusal is logged with its code.
    const logged = lines.filter((l) => l.msg === 'request' && String(l.requestId).startsWith('pipelined-'));
    expect(logged).toHaveLength(count);
    for (const line of logged) {
      const i = Number(line.requestId.slice('pipelined-'.length));
      expect(line.status).toBe(got[i]);
      if (line.status === 503) expect(line.errors).toEqual(['SERVER_BUSY']);
    }
  });

  it('leaves nothing failing once it has gone', async () => {
    const url = new URL(server.url);
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const before = lines.length;
    socket.write(pipelined(MAX_WAITING_PER_CONNECTION, (i) => `gone-${i}`));
    // Gone as soon as the requests are sent; whatever still waits for its turn then is not run.
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = lines.slice(before);
    expect(after.filter((l) => l.level === 'error')).toEqual([]);
    const gone = after.filter((l) => l.msg === 'request' && String(l.requestId).startsWith('gone-'));
    // Answered before the close was seen, or logged as abandoned by the client (499): run already, or skipped.
    expect(gone.every((l) => l.status === 200 || l.status === 499)).toBe(true);
    const ok = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    expect(ok.status).toBe(200);
  });
});
