import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
let token: string;
beforeAll(async () => {
  // 4 requests a minute per address and per token; the test client's address has its own budget, refilled below.
  server = await startTestServer({ seeds: true, config: { rateLimitPerMinute: 4, trustProxyHops: 1 } });
  token = await server.token('VIEWER');
});
afterAll(() => server.close());

const ask = (authorization: string, forwardedFor: string) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization, 'x-forwarded-for': forwardedFor }, body: '{"query":"{ topics { totalCount } }"}' }).then((r) => r.status);

describe('a token has one rate budget however its header is spelt', () => {
  it('"Bearer X", "bearer  X", "BEARER X " and tabs share one bucket', async () => {
    const spellings = [`Bearer ${token}`, `bearer  ${token}`, `BEARER ${token} `, `Bearer\t${token}`, `bEaReR ${token}`, `Bearer ${token}`];
    // A fresh address for each request, so only the token's bucket can run out.
    const statuses: number[] = [];
    for (const [i, spelling] of spellings.entries()) statuses.push(await ask(spelling, `198.51.100.${i + 1}`));
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
