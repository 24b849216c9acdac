import { createLogger } from '../../src/observability/logger';
import { Metrics } from '../../src/observability/metrics';
import { onPostgres, startTestServer, TestServer } from '../helpers/server';

/** The value of one sample in Prometheus text format, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('request ids and JSON logs', () => {
  let server: TestServer;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    server = await startTestServer({ logger, config: { rateLimitPerMinute: 5 } });
  });
  afterAll(() => server.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('keeps a sane caller request id, replaces anything else, and logs one JSON line per request with it', async () => {
    const given = await post('{"query":"query TopicCount { topics { totalCount } }"}', { 'x-request-id': 'portal-42.a' });
    expect(given.headers.get('x-request-id')).toBe('portal-42.a');
    const hostile = await post('{"query":"{ topics { totalCount } }"}', { 'x-request-id': 'bad id; <script> with spaces' });
    const replaced = hostile.headers.get('x-request-id')!;
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);

    const line = lines.find((l) => l.requestId === 'portal-42.a' && l.msg === 'request')!;
    expect(line).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 200, operation: 'TopicCount', operationType: 'query', actor: 'anonymous' });
    expect(line.sqlStatements).toBeGreaterThan(0);
    expect(typeof line.durationMs).toBe('number');
    expect(Date.parse(line.time)).not.toBeNaN();
    expect(lines.filter((l) => l.requestId === replaced)).toHaveLength(1);
  });

  it('carries the request id into what services log while serving it', async () => {
    // A new topic asks for a rebuild of the analysis: the request logs the ask under its id; the rebuild itself runs
    // in the background, for no request, and logs without one.
    const admin = await server.token('ADMIN');
    await post('{"query":"mutation { topicCreate(input: { key: \\"logged\\", label: \\"Logged\\" }) { userErrors { code } } }"}', { 'x-request-id': 'analysis-1', authorization: `Bearer ${admin}` });
    await server.services.analysis.settled();
    expect(lines.find((l) => l.msg === 'overlap analysis rebuild requested')).toMatchObject({ level: 'info', requestId: 'analysis-1', reason: 'topics changed' });
    const built = lines.filter((l) => l.msg === 'overlap analysis built');
    expect(built.length).toBeGreaterThan(0);
    expect(built.at(-1)).toMatchObject({ level: 'info', collaborations: 0, pairs: 0 });
    expect(built.at(-1)).not.toHaveProperty('requestId');
  });

  it('logs the error codes a request was answered with, including refusals before GraphQL ran', async () => {
    await post('{"query":"{ noSuchField }"}', { 'x-request-id': 'invalid-1' });
    const limited = [];
    for (let i = 0; i < 3; i++) limited.push(await post('{"query":"{ topics { totalCount } }"}', { 'x-request-id': `burst-${i}` }));
    expect(limited.map((r) => r.status)).toContain(429);
    expect(lines.find((l) => l.requestId === 'invalid-1')).toMatchObject({ status: 400, errors: ['GRAPHQL_VALIDATION_FAILED'] });
    const refused = lines.find((l) => /^burst-/.test(l.requestId) && l.status === 429);
    expect(refused).toMatchObject({ errors: ['RATE_LIMITED'] });
    expect(refused).not.toHaveProperty('operation');
  });
});

describe('internal errors', () => {
  it('hide their detail from the client, give it the request id, and log the detail under that id', async () => {
    const lines: Record<string, any>[] = [];
    const broken = await startTestServer({ logger: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }) });
    try {
      // A table gone from under the server: the kind of fault only operators can mend.
      await broken.dataSource.query('ALTER TABLE topic RENAME TO topic_gone');
      const res = await fetch(broken.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'fault-1' }, body: '{"query":"{ topics { totalCount } }"}' });
      const body = (await res.json()) as any;
      expect(body.errors[0]).toMatchObject({ message: 'Internal server error (request id fault-1)', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'fault-1' } });
      const logged = lines.find((l) => l.msg === 'internal error in a GraphQL request')!;
      expect(logged).toMatchObject({ level: 'error', requestId: 'fault-1' });
      expect(logged.err.message).toMatch(/topic/);
      expect(typeof logged.err.stack).toBe('string');
      expect(JSON.stringify(body)).not.toContain(logged.err.message);
      expect(JSON.stringify(body)).not.toMatch(/SQLITE|no such table|relation "|SELECT/);
      expect(lines.find((l) => l.msg === 'request' && l.requestId === 'fault-1')).toMatchObject({ errors: ['INTERNAL_SERVER_ERROR'] });

      // Requests that wait for their turn together (src/http/request-turns.ts) each run inside their own trace.
      const ids = Array.from({ length: 12 }, (_, i) => `fault-together-${i}`);
      const answers = await Promise.all(
        ids.map((id) => fetch(broken.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: '{"query":"{ topics { totalCount } }"}' }).then((r) => r.json() as Promise<any>)),
      );
      expect(answers.map((a) => a.errors[0].extensions.requestId)).toEqual(ids);
      const faults = lines.filter((l) => l.msg === 'internal error in a GraphQL request' && String(l.requestId).startsWith('fault-together-'));
      expect(faults.map((l) => l.requestId).sort()).toEqual([...ids].sort());
      await broken.dataSource.query('ALTER TABLE topic_gone RENAME TO topic');
    } finally {
      await broken.close();
    }
  });
});

describe('Prometheus metrics at /metrics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ config: { metricsToken: 'scrape-secret' } });
  });
  afterAll(() => server.close());

  const scrape = async () => {
    const res = await fetch(server.url.replace('/graphql', '/metrics'), { headers: { authorization: 'Bearer scrape-secret' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  it('needs the metrics token when one is configured', async () => {
    const res = await fetch(server.url.replace('/graphql', '/metrics'));
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('counts requests, times them by operation name, counts errors by code and shows the connection pool', async () => {
    for (let i = 0; i < 3; i++) await server.gql(`query TopicCount { topics { totalCount } }`);
    await server.gql(`mutation AddTopic { topicCreate(input: { key: "", label: "" }) { userErrors { code } } }`);
    await server.gql(`{ noSuchField }`);
    const text = await scrape();

    expect(sample(text, 'registry_http_requests_total{route="graphql",method="POST",status="200"}')).toBe(4);
    expect(sample(text, 'registry_http_requests_total{route="graphql",method="POST",status="400"}')).toBe(1);
    expect(sample(text, 'registry_graphql_request_duration_seconds_count{operation="TopicCount",type="query"}')).toBe(3);
    expect(sample(text, 'registry_graphql_request_duration_seconds_count{operation="AddTopic",type="mutation"}')).toBe(1);
    expect(sample(text, 'registry_graphql_request_duration_seconds_bucket{le="+Inf",operation="TopicCount",type="query"}')).toBe(3);
    expect(sample(text, 'registry_errors_total{code="GRAPHQL_VALIDATION_FAILED",kind="request"}')).toBe(1);
    expect(sample(text, 'registry_errors_total{code="REQUIRED",kind="user"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'registry_db_statements_total')).toBeGreaterThan(0);
    expect(sample(text, 'registry_db_pool_max')).toBe(onPostgres() ? 10 : 1);
    expect(sample(text, 'registry_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'registry_db_pool_waiting')).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows the overlap analysis as it stands, and a scrape never starts a build', async () => {
    // A new registry is analysed once, at start.
    await server.services.analysis.settled();
    expect(sample(await scrape(), 'registry_analysis_builds')).toBe(1);
    await server.gql(`{ overlapReport { totalCount } }`);
    const text = await scrape();
    expect(sample(text, 'registry_analysis_builds')).toBe(1);
    expect(sample(text, 'registry_analysis_last_build_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'registry_analysis_pairs')).toBe(0);
  });

  it('keeps client-chosen operation names from growing the label set without bound', async () => {
    const metrics = new Metrics(server.dataSource, server.services.analysis);
    const request = (name: string) =>
      metrics.record({ route: 'graphql', method: 'POST', status: 200, durationSeconds: 0.01, operation: { name, type: 'query' }, anonymous: false, errorCodes: [], userErrorCodes: [], sqlStatements: 1 });
    for (let i = 0; i < 250; i++) request(`Op${i}`);
    request('Op0');
    request('not a name {}');
    const { body } = await metrics.render();
    const operations = new Set([...body.matchAll(/registry_graphql_request_duration_seconds_count\{operation="([^"]*)"/g)].map((m) => m[1]));
    expect(operations.size).toBe(201);
    expect(sample(body, 'registry_graphql_request_duration_seconds_count{operation="Op0",type="query"}')).toBe(2);
    expect(sample(body, 'registry_graphql_request_duration_seconds_count{operation="(other)",type="query"}')).toBe(51);
  });

  it("gives an anonymous caller's operation names no series of their own, except the web app's and names a token holder sent", async () => {
    const anonymous = (name: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query ${name} { topics { totalCount } }` }) });
    // An attacker's made-up names, a request each: before, they took the series the operators watch.
    for (let i = 0; i < 5; i++) expect((await anonymous(`Junk${i}`)).status).toBe(200);
    expect((await anonymous('WhoAmI')).status).toBe(200);
    await server.gql('query PortalPage { topics { totalCount } }');
    expect((await anonymous('PortalPage')).status).toBe(200);
    const text = await scrape();
    const operations = [...text.matchAll(/registry_graphql_request_duration_seconds_count\{operation="([^"]*)"/g)].map((m) => m[1]);
    expect(operations.filter((name) => name!.startsWith('Junk'))).toEqual([]);
    expect(sample(text, 'registry_graphql_request_duration_seconds_count{operation="(other)",type="query"}')).toBe(5);
    expect(sample(text, 'registry_graphql_request_duration_seconds_count{operation="WhoAmI",type="query"}')).toBe(1);
    expect(sample(text, 'registry_graphql_request_duration_seconds_count{operation="PortalPage",type="query"}')).toBe(2);
  });
});

describe('background work started by a request', () => {
  it('does not count a rebuild a read started as the read\'s own work, nor mark its log lines with the read\'s id', async () => {
    // A read that finds no analysis starts the first build and waits for it; the build is background work.
    const lines: Record<string, unknown>[] = [];
    const server = await startTestServer({ logger: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }) });
    const post = (body: string, headers: Record<string, string>) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    await server.services.analysis.settled();
    await server.dataSource.query('UPDATE analysis_state SET generation = 0, rebuild_requested = 1');
    const query = '{"query":"query Overlaps { overlapReport(first: 2) { totalCount } }"}';
    expect((await post(query, { 'x-request-id': 'reader-1', authorization: `Bearer ${server.adminToken}` })).status).toBe(200);
    expect((await post(query, { 'x-request-id': 'reader-2', authorization: `Bearer ${server.adminToken}` })).status).toBe(200);
    const built = lines.filter((l) => l.msg === 'overlap analysis built');
    expect(built.at(-1)).not.toHaveProperty('requestId');
    const statements = (id: string) => lines.find((l) => l.requestId === id && l.msg === 'request')!.sqlStatements as number;
    // The first read also looked at the analysis state while it waited: a few statements, not the build's.
    expect(statements('reader-1')).toBeLessThanOrEqual(statements('reader-2') + 3);
    await server.close();
  });
});
