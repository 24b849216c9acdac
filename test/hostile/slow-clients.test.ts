import net from 'node:net';
import { startTestServer, TestServer } from '../helpers/server';
import { HEALTH_BOUND_MS, underAttack } from '../helpers/hostile';
import { createLogger } from '../../src/observability/logger';
import { SWEEP_MS } from '../../src/http/connection-guard';

/** What came back on a raw connection until the server closed it, and when it closed (ms after `since`). */
interface Closed {
  text: string;
  status: number | null;
  closedAfterMs: number;
}

function connect(server: TestServer): Promise<net.Socket> {
  const url = new URL(server.url);
  const socket = net.connect(Number(url.port), url.hostname);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Collects what the server says on `socket` until it closes it; fails when it stays open for `withinMs`. */
function untilClosed(socket: net.Socket, since: number, withinMs: number): Promise<Closed> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => reject(new Error(`still open after ${withinMs} ms; received ${JSON.stringify(text)}`)), withinMs);
    socket.once('close', () => {
      clearTimeout(timer);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ text, status: status ? Number(status[1]) : null, closedAfterMs: performance.now() - since });
    });
  });
}

/** Writes `text` a byte every `everyMs` until the socket closes or the text is out. */
function trickle(socket: net.Socket, text: string, everyMs: number): Promise<number> {
  return new Promise((resolve) => {
    let sent = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || socket.writableEnded || sent >= text.length) {
        clearInterval(timer);
        resolve(sent);
        return;
      }
      socket.write(text[sent++]!);
    }, everyMs);
  });
}

/** Closes the sockets and waits until they are closed. */
const closeAll = (sockets: net.Socket[]) =>
  Promise.all(sockets.map((socket) => new Promise((resolve) => (socket.destroyed ? resolve(undefined) : (socket.once('close', resolve), socket.destroy())))));

/** The JSON body of a raw HTTP answer, whole or in chunks. */
function jsonBody(text: string): any {
  const split = text.indexOf('\r\n\r\n');
  let body = text.slice(split + 4);
  if (/\r\ntransfer-encoding: chunked\r\n/i.test(text.slice(0, split + 2))) {
    let whole = '';
    for (let size = parseInt(body, 16); size > 0; size = parseInt(body, 16)) {
      const start = body.indexOf('\r\n') + 2;
      whole += body.slice(start, start + size);
      body = body.slice(start + size + 2);
    }
    body = whole;
  }
  return JSON.parse(Buffer.from(body, 'latin1').toString('utf8'));
}

describe('clients that send slowly', () => {
  let server: TestServer;
  const RECEIVE_MS = 600;
  const IMPORT_MS = 4000;
  beforeAll(async () => {
    server = await startTestServer({ config: { receiveTimeoutMs: RECEIVE_MS, importReceiveTimeoutMs: IMPORT_MS } });
  });
  afterAll(() => server.close());

  it('a request whose headers come a byte at a time is answered 408 and closed once the receive limit passes', async () => {
    const { result } = await underAttack(server, async () => {
      const socket = await connect(server);
      const started = performance.now();
      const closed = untilClosed(socket, started, 5000);
      void trickle(socket, `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Padding: ${'a'.repeat(200)}\r\n\r\n`, 50);
      return closed;
    });
    expect(result.status).toBe(408);
    // Node checks its headers limit every min(1 s, limit): the connection goes within two limits.
    expect(result.closedAfterMs).toBeGreaterThanOrEqual(RECEIVE_MS - 50);
    expect(result.closedAfterMs).toBeLessThan(2 * RECEIVE_MS + 500);
  });

  it('a body that comes a byte at a time is refused 408 REQUEST_TIMEOUT naming the limit, the connection closed, others answered meanwhile', async () => {
    const body = JSON.stringify({ query: '{ topics { totalCount } }' });
    const { result, slowestHealthMs } = await underAttack(server, async () => {
      const socket = await connect(server);
      socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
      const started = performance.now();
      const closed = untilClosed(socket, started, 5000);
      void trickle(socket, body, 100);
      return closed;
    });
    expect(result.status).toBe(408);
    expect(jsonBody(result.text)).toEqual({ errors: [{ message: `The request body did not arrive within ${RECEIVE_MS} ms`, extensions: { code: 'REQUEST_TIMEOUT' } }] });
    expect(result.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(result.closedAfterMs).toBeGreaterThanOrEqual(RECEIVE_MS - 50);
    expect(result.closedAfterMs).toBeLessThan(RECEIVE_MS + 1000);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it("an ADMIN's body has the longer import limit; anyone else's the same body is refused", async () => {
    const body = JSON.stringify({ query: '{ topics { totalCount } }' });
    const send = async (authorization: string | null) => {
      const socket = await connect(server);
      const closed = untilClosed(socket, performance.now(), IMPORT_MS + 2000);
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n${authorization ? `Authorization: ${authorization}\r\n` : ''}Content-Length: ${body.length}\r\n\r\n`,
      );
      // The whole body over about 1.3 s: past the receive limit, within the import limit.
      await trickle(socket, body, Math.ceil(1300 / body.length));
      return closed;
    };
    const [admin, anonymous] = await Promise.all([send(`Bearer ${server.adminToken}`), send(null)]);
    expect(admin.status).toBe(200);
    expect(jsonBody(admin.text)).toEqual({ data: { topics: { totalCount: 0 } } });
    expect(anonymous.status).toBe(408);
  });

  it('a body that arrives in time, in pieces, is answered as usual', async () => {
    const body = JSON.stringify({ query: '{ topics { totalCount } }' });
    const socket = await connect(server);
    const closed = untilClosed(socket, performance.now(), 5000);
    socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`);
    await trickle(socket, body, Math.floor(RECEIVE_MS / 2 / body.length));
    const answer = await closed;
    expect(answer.status).toBe(200);
    expect(jsonBody(answer.text)).toEqual({ data: { topics: { totalCount: 0 } } });
  });
});

describe('clients that give up or hold a connection without using it', () => {
  it('a client that resets its connection in the middle of its body leaves a 499 request line, not an error', async () => {
    const lines: Record<string, any>[] = [];
    const server = await startTestServer({ logger: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }) });
    try {
      const socket = await connect(server);
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Request-Id: reset-mid-body\r\nContent-Length: 100\r\n\r\n{"qu');
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.resetAndDestroy();
      for (let i = 0; i < 100 && !lines.some((l) => l.requestId === 'reset-mid-body'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(lines.filter((l) => l.requestId === 'reset-mid-body').map((l) => [l.level, l.msg, l.status])).toEqual([['info', 'request', 499]]);
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a connection kept open with blank lines between requests is closed once the receive limit passes', async () => {
    const server = await startTestServer({ config: { receiveTimeoutMs: 600 } });
    try {
      const socket = await connect(server);
      const closed = untilClosed(socket, performance.now(), 5000);
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      const blank = setInterval(() => socket.writable && socket.write('\r\n'), 100);
      const answer = await closed.finally(() => clearInterval(blank));
      expect(answer.status).toBe(200);
      // The idle limit: the receive limit and then Node's interval for its own headers limit (min(1 s, the limit)).
      expect(answer.closedAfterMs).toBeLessThan(2 * 600 + 2 * SWEEP_MS + 500);
      const metrics = await (await fetch(new URL('/metrics', server.url))).text();
      expect(metrics).toMatch(/^registry_http_connections_cut_total\{reason="idle"\} 1$/m);
    } finally {
      await server.close();
    }
  });
});

describe('clients that hold many connections', () => {
  it('one address past its share is answered 503 SERVER_BUSY with Retry-After, and let in again once it closes one', async () => {
    const server = await startTestServer({ config: { maxConnectionsPerAddress: 4, receiveTimeoutMs: 10000 } });
    try {
      const held = await Promise.all(Array.from({ length: 4 }, () => connect(server)));
      const refused = await connect(server);
      const answer = await untilClosed(refused, performance.now(), 3000);
      expect(answer.status).toBe(503);
      expect(answer.text).toMatch(/\r\nRetry-After: 1\r\n/);
      expect(jsonBody(answer.text)).toEqual({
        errors: [{ message: 'This address holds 4 connections to the server, its limit; close one or try again in a second', extensions: { code: 'SERVER_BUSY' } }],
      });
      // A request already written on a refused connection gets the same answer, not a reset.
      const eager = await connect(server);
      const eagerAnswer = untilClosed(eager, performance.now(), 3000);
      eager.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
      expect((await eagerAnswer).status).toBe(503);

      await closeAll([held.pop()!]);
      const admitted = await connect(server);
      const body = JSON.stringify({ query: '{ topics { totalCount } }' });
      const closed = untilClosed(admitted, performance.now(), 3000);
      admitted.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      expect((await closed).status).toBe(200);
      await closeAll(held);

      const metrics = await (await fetch(new URL('/metrics', server.url))).text();
      expect(metrics).toMatch(/^registry_http_connections_cut_total\{reason="address"\} 2$/m);
    } finally {
      await server.close();
    }
  });

  it('past the cap in all, any address is answered 503 naming that cap', async () => {
    const server = await startTestServer({ config: { maxConnections: 3, maxConnectionsPerAddress: 0 } });
    try {
      const held = await Promise.all(Array.from({ length: 3 }, () => connect(server)));
      const answer = await untilClosed(await connect(server), performance.now(), 3000);
      expect(answer.status).toBe(503);
      expect(jsonBody(answer.text).errors[0]).toEqual({ message: 'The server holds 3 connections, its limit; try again in a second', extensions: { code: 'SERVER_BUSY' } });
      await closeAll(held);
    } finally {
      await server.close();
    }
  });
});
