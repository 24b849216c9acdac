import net from 'node:net';
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

/** Sends one raw HTTP/1.1 request line (and a Host header) and returns the status line and body of the answer. */
function rawRequestLine(line: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(`${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1] ?? 0), body });
    });
  });
}

describe('request targets URL cannot read', () => {
  it.each(['GET // HTTP/1.1', 'GET http://[ HTTP/1.1', 'POST //:99999/graphql HTTP/1.1'])('"%s" is answered 400 and the server keeps serving', async (line) => {
    const res = await rawRequestLine(line);
    expect(res.status).toBe(400);
    // The body may come chunked: the error object is read out of it.
    expect(JSON.parse(/\{"errors".*\}/.exec(res.body)![0]).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    const health = await fetch(server.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
  });
});
