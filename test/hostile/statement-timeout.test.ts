import { startTestServer, TestServer } from '../helpers/server';

// PostgreSQL project only (jest.config.js): SQLite runs each statement to its end within the request's own turn.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { executionTimeoutMs: 400, statementTimeoutMs: 400 } });
});
afterAll(() => server.close());

describe('on PostgreSQL no statement outlives its request', () => {
  it("every pooled connection carries the request time limit as statement_timeout, and PostgreSQL ends a longer statement", async () => {
    const [{ statement_timeout }] = await server.dataSource.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('400ms');
    const started = performance.now();
    await expect(server.dataSource.query('SELECT pg_sleep(3)')).rejects.toThrow(/canceling statement due to statement timeout/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('migrations ran without that limit, and the server still answers', async () => {
    const res = await server.gql('{ topics { totalCount } }');
    expect(res.errors).toBeUndefined();
  });
});
