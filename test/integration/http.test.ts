import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { maxBodyBytes: 10_000 } });
});
afterAll(() => server.close());

const origin = () => server.url.replace(/\/graphql$/, '');

describe('HTTP', () => {
  it('serves the GraphQL IDE to a browser from local files, with example operations', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/ide/graphiql.js">');
    expect(html).toContain('who works (or worked) with this unit');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const res = await fetch(`${origin()}/ide/${asset}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    // Names of what every JavaScript object inherits are no asset either (they once answered 500).
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const res = await fetch(`${origin()}/ide/${name}`);
      expect([name, res.status, ((await res.json()) as any).errors[0].extensions.code]).toEqual([name, 404, 'NOT_FOUND']);
    }
  });

  it('reports liveness and readiness (database reachable, migrations current)', async () => {
    const live = await fetch(`${origin()}/healthz`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${origin()}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', database: 'ok', migrations: 'ok' }]);
    await server.dataSource.query(`DELETE FROM migrations WHERE name = 'CollaborationSearch1763900000001'`);
    const behind = await fetch(`${origin()}/readyz`);
    expect([behind.status, ((await behind.json()) as { migrations: string }).migrations]).toEqual([503, 'pending migrations']);
  });

  it('refuses an oversized body with 413 and a clear message', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ topics { totalCount } }`, variables: { pad: 'x'.repeat(20_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [{ message: 'Request body is larger than the limit of 10000 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers malformed JSON and unknown paths with clear errors', async () => {
    const bad = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    const missing = await fetch(`${origin()}/nope`);
    expect(missing.status).toBe(404);
  });

  it('reports syntax errors without stack traces and adds no diagnostics unless asked', async () => {
    const res = await server.gql(`{ topics { `);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res)).not.toContain('stacktrace');
    const ok = await server.gql(`{ topics { totalCount } }`);
    expect(ok.data).toEqual({ topics: { totalCount: 0 } });
    expect(ok.extensions).toBeUndefined();
  });

  it('refuses batched requests and GET mutations', async () => {
    const batch = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ topics { totalCount } }' }, { query: '{ units { totalCount } }' }]),
    });
    expect(batch.status).toBe(400);
    const get = await fetch(`${server.url}?query=${encodeURIComponent('mutation { topicDelete(input: {id: "x", version: 1}) { deletedId } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(405);
  });
});
