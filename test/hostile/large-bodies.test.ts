import http from 'node:http';
import { underAttack, HEALTH_BOUND_MS } from '../helpers/hostile';
import { devRegistry, startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
let viewer: string;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
  viewer = await server.token('VIEWER');
});
afterAll(() => server.close());

/** Streams `bytes` of a JSON body, with its length declared up front or not. */
function sendStreamed(bytes: number, authorization?: string, declare = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...(declare ? { 'content-length': String(bytes + 64) } : { 'transfer-encoding': 'chunked' }), ...(authorization ? { authorization } : {}) } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer and close before everything is sent: that is the point.
    req.on('error', () => resolve({ status: -1, body: '' }));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('{"query":"{ topics { totalCount } }","pad":"');
    pump();
    setTimeout(() => reject(new Error('no answer')), 20000).unref();
  });
}

describe('large bodies are refused before they are read or parsed, unless an ADMIN imports', () => {
  it('an anonymous 20 MB body declared up front is refused with 413 from its Content-Length', async () => {
    const { result, slowestHealthMs } = await underAttack(server, () => sendStreamed(20 * 2 ** 20, undefined, true));
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).errors[0]).toMatchObject({ message: 'Request body is larger than the limit of 1048576 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it('five streamed anonymous and VIEWER bodies of 20 MB at once: refused, and the server does not hold them', async () => {
    const rssBefore = process.memoryUsage().rss;
    const { result, slowestHealthMs } = await underAttack(server, () =>
      Promise.all([sendStreamed(20 * 2 ** 20), sendStreamed(20 * 2 ** 20), sendStreamed(20 * 2 ** 20), sendStreamed(20 * 2 ** 20, `Bearer ${viewer}`), sendStreamed(20 * 2 ** 20, `Bearer ${viewer}`)]),
    );
    // Either the 413 arrives or the connection is cut once the limit is passed; never a 200.
    for (const r of result) expect([413, -1]).toContain(r.status);
    expect(result.some((r) => r.status === 413)).toBe(true);
    // 100 MB were sent; what the server kept at any moment is the 1 MB limit per request at most.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(60 * 2 ** 20);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it('a non-ADMIN token may not use the import limit, even for importRegistry', async () => {
    const snapshot = JSON.stringify({ query: 'mutation($s: JSON!) { importRegistry(snapshot: $s) { userErrors { message } } }', variables: { s: devRegistry() } });
    expect(snapshot.length).toBeGreaterThan(1024 * 1024);
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer}` }, body: snapshot });
    expect(res.status).toBe(413);
  });

  it('an ADMIN may send a snapshot over the normal limit when the request is nothing but importRegistry', async () => {
    const registry = devRegistry();
    const query = 'mutation($s: JSON!) { importRegistry(snapshot: $s) { summary { created { collaborations } } userErrors { message } } }';
    const body = JSON.stringify({ query, variables: { s: registry } });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` }, body });
    const json = (await res.json()) as any;
    expect(json.errors).toBeUndefined();
    expect(json.data.importRegistry.userErrors).toEqual([]);
    expect(json.data.importRegistry.summary.created.collaborations).toBe(registry.collaborations.length);
    // The same size with anything else in it is refused, also for an ADMIN.
    const mixed = JSON.stringify({ query: `${query.replace('mutation(', 'mutation M(')} query Q { topics { totalCount } }`, operationName: 'M', variables: { s: registry } });
    const refused = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` }, body: mixed });
    expect(refused.status).toBe(413);
  });
});
