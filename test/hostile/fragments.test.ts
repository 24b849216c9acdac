import { parse } from 'graphql';
import { getSchema } from '../../src/app/schema';
import { checkLimits } from '../../src/graphql/limits';
import { postRaw, timed, underAttack, HEALTH_BOUND_MS } from '../helpers/hostile';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
  // The seeded server builds its first overlap analysis in the background, in this process: the refusals are timed
  // by the process's CPU time, which that build would count too (a PostgreSQL CI run measured 128 ms).
  await server.services.analysis.settled();
  // A server's first GraphQL request loads and compiles its code paths (88 ms here, twice that in a slow CI run); the
  // refusals are timed warm, each with a document the server has not seen.
  await postRaw(server, JSON.stringify({ query: doubling(3, 'key') }));
});
afterAll(() => server.close());

/** The answer to a raw request and how long it took, measured around the request alone. */
const post = (query: string) => timed(() => postRaw(server, JSON.stringify({ query })));

/** Fragments F0…F(n-1), each spreading the next twice: expanded, the document has 2^n copies of the last one. */
function doubling(n: number, leaf: string): string {
  const fragments = Array.from({ length: n }, (_, i) => (i === n - 1 ? `fragment F${i} on Unit { ${leaf} }` : `fragment F${i} on Unit { ...F${i + 1} ...F${i + 1} }`));
  return `{ units(first: 1) { nodes { ...F0 } } } ${fragments.join(' ')}`;
}

describe('nested fragment spreads are measured once, not once per path', () => {
  it('refuses a 1 KB document of 30 doubling fragments in milliseconds, and /healthz keeps answering', async () => {
    const query = doubling(30, 'key');
    expect(Buffer.byteLength(query)).toBeLessThan(1200);
    const { result: { res, ms }, slowestHealthMs } = await underAttack(server, () => post(query));
    // The count stops at the first fragment whose copies alone pass the limit (2^19 of the last one).
    expect([res.status, res.json.errors[0].extensions.code, res.json.errors[0].message]).toEqual([
      400,
      'QUERY_TOO_COSTLY',
      'The query could return 524288 fields (page sizes multiplied); the limit is 300000. Ask for smaller pages.',
    ]);
    expect(res.json.data).toBeUndefined();
    expect(ms).toBeLessThan(100);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it('counts the aliases of every copy of a fragment, in milliseconds', async () => {
    const query = doubling(12, 'a: key');
    const { result: { res, ms }, slowestHealthMs } = await underAttack(server, () => post(query));
    expect(ms).toBeLessThan(100);
    expect([res.status, res.json.errors[0].extensions.code, res.json.errors[0].message]).toEqual([400, 'TOO_MANY_ALIASES', `The query uses ${2 ** 11} aliases; the limit is 30.`]);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it('counts a fragment spread several times exactly as the same fields written out', async () => {
    const schema = await getSchema();
    const limits = { depth: 12, aliases: 30, tokens: 5000, cost: 300000 };
    const measure = (query: string) => {
      const document = parse(query);
      // The smallest cost limit the query passes is its cost; found by bisection over the refusal.
      let [low, high] = [1, 10 ** 7];
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (checkLimits(schema, document, document.definitions[0] as never, { ...limits, cost: mid })) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    const spread = `{ units(first: 5) { nodes { ...A ...A } } } fragment A on Unit { key children { ...B } } fragment B on Unit { name }`;
    const written = `{ units(first: 5) { nodes { key children { name } key children { name } } } }`;
    expect(measure(spread)).toBe(measure(written));
    // units (a page of 5), nodes (5), and for each of the 5 twice: key, children (at most 200), 200 names.
    expect(measure(written)).toBe(5 + 5 + 5 * 2 * (1 + 200 + 200));
  });

  it('treats a fragment cycle as invalid without looping', async () => {
    const schema = await getSchema();
    const document = parse(`{ units { nodes { ...A } } } fragment A on Unit { parent { ...B } } fragment B on Unit { parent { ...A } }`);
    const error = checkLimits(schema, document, document.definitions[0] as never, { depth: 12, aliases: 30, tokens: 5000, cost: 300000 });
    expect([error?.extensions.code, error?.message]).toEqual(['GRAPHQL_VALIDATION_FAILED', 'Cannot spread fragment "A" within itself.']);
    const res = await server.gql(document.loc!.source.body);
    expect([res.status, res.errors?.[0]?.extensions?.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses fields repeated at one place before GraphQL validation compares every pair of them', async () => {
    for (const query of [
      `{ ${'units { nodes { key } } '.repeat(600)} }`,
      `{ units { nodes { ${'children { children { key } } '.repeat(20).replace(/key/g, 'key '.repeat(20))} } } }`,
      `{ units { nodes { ${Array.from({ length: 150 }, (_, i) => `...G${i}`).join(' ')} } } } ${Array.from({ length: 150 }, (_, i) => `fragment G${i} on Unit { key }`).join(' ')}`,
    ]) {
      const { result: { res, ms }, slowestHealthMs } = await underAttack(server, () => post(query));
      expect([res.status, res.json.errors[0].extensions.code, res.json.errors[0].message]).toEqual([
        400,
        'GRAPHQL_VALIDATION_FAILED',
        'The query repeats fields at the same place too often (over 20000 pairs for validation to compare); select each field once.',
      ]);
      expect(ms).toBeLessThan(100);
      expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
    }
  });

  it('still answers a document that uses fragments within the limits', async () => {
    const res = await server.gql(`{ units(first: 2, orderBy: { field: KEY }) { nodes { ...U } } } fragment U on Unit { key parent { ...P } } fragment P on Unit { key }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.units.nodes).toHaveLength(2);
  });
});
