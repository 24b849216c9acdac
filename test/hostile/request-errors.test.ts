import { postRaw } from '../helpers/hostile';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
});
afterAll(() => server.close());

/**
 * Requests that are wrong as a whole (which operation, which kind, which hash) are the caller's mistake: a coded
 * error saying what is wrong, never an internal error.
 */
describe('malformed requests get a coded error, not an internal one', () => {
  it.each([
    ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 400, 'OPERATION_RESOLUTION_FAILURE', /Must provide operation name/],
    ['an operationName the document does not have', { query: 'query A { __typename }', operationName: 'X' }, 400, 'OPERATION_RESOLUTION_FAILURE', /Unknown operation named "X"/],
    ['a subscription', { query: 'subscription { __typename }' }, 200, 'BAD_REQUEST', /not configured to execute subscription/],
    [
      'a persisted-query hash that does not match its query',
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      400,
      'BAD_REQUEST',
      /provided sha does not match query/,
    ],
  ])('%s', async (_name, body, status, code, message) => {
    const res = await postRaw(server, JSON.stringify(body));
    expect(res.status).toBe(status);
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].extensions.code).toBe(code);
    expect(res.json.errors[0].message).toMatch(message);
  });

  it('names the operation to run when one of several is chosen, through compiled execution', async () => {
    const res = await postRaw(server, JSON.stringify({ query: 'query A { __typename } query B { topics(first: 1) { totalCount } }', operationName: 'B' }));
    expect(res.status).toBe(200);
    expect(res.json.data.topics.totalCount).toBeGreaterThan(0);
  });

  it('does not echo a long invalid cursor back whole', async () => {
    const cursor = 'x'.repeat(5000);
    const res = await postRaw(server, JSON.stringify({ query: 'query($c: String) { collaborations(first: 1, after: $c) { totalCount } }', variables: { c: cursor } }));
    expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.json.errors[0].message).toBe(`after: "${'x'.repeat(40)}…" is not a cursor of this list`);
  });
});
