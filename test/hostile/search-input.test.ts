import { timed, underAttack, HEALTH_BOUND_MS } from '../helpers/hostile';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
  // The first analysis build is not what these tests measure.
  await server.services.analysis.settled();
  await server.gqlAs(null, '{ collaborations(first: 1, filter: { text: "helse" }) { totalCount } }');
});
afterAll(() => server.close());

const words = (n: number) => Array.from({ length: n }, (_, i) => `ord${i}`).join(' ');

/** Every path that takes free search text, with the field its refusal must name. */
const PATHS: { name: string; query: string; field: string }[] = [
  { name: 'collaborations', query: 'query($t: String!) { collaborations(first: 5, filter: { text: $t }) { totalCount } }', field: 'filter.text' },
  { name: 'units', query: 'query($t: String!) { units(first: 5, filter: { text: $t }) { totalCount } }', field: 'filter.text' },
  { name: 'people', query: 'query($t: String!) { people(first: 5, filter: { text: $t }) { totalCount } }', field: 'filter.text' },
  { name: 'topics', query: 'query($t: String!) { topics(first: 5, filter: { text: $t }) { totalCount } }', field: 'filter.text' },
  { name: 'overlapReport', query: 'query($t: String!) { overlapReport(first: 5, filter: { topic: $t }) { totalCount } }', field: 'filter.topic' },
  { name: 'whoWorksWith', query: 'query($t: String!) { whoWorksWith(unit: "kommune-0301", topic: $t) { collaborations { score } } }', field: 'topic' },
];

describe('free search text is bounded on every path', () => {
  it.each(PATHS)('$name: 30,000 words are refused at once, naming the field, and the server stays responsive', async ({ query, field }) => {
    const { result, slowestHealthMs } = await underAttack(server, () => timed(() => server.gqlAs(null, query, { t: words(30000) })));
    expect(result.res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.res.errors?.[0]?.message).toBe(`${field}: search text is limited to 200 characters (was ${words(30000).length})`);
    // A 260 KB body is read and parsed before the refusal: well under the time of one real search.
    expect(result.ms).toBeLessThan(250);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it.each(PATHS)('$name: more than 10 distinct words, or a word over 50 characters, is refused; at the limits it is answered', async ({ query, field }) => {
    const eleven = await server.gqlAs(null, query, { t: words(11) });
    expect(eleven.errors?.[0]?.message).toBe(`${field}: search text is limited to 10 different words (was 11)`);
    const long = await server.gqlAs(null, query, { t: 'x'.repeat(51) });
    expect(long.errors?.[0]?.message).toBe(`${field}: search words are limited to 50 characters (one has 51)`);
    // Repeated words count once: 40 copies of 10 words are 10 words.
    const repeated = await server.gqlAs(null, query, { t: Array.from({ length: 4 }, () => words(10)).join(' ').slice(0, 200) });
    expect(repeated.errors?.[0]?.message ?? '').not.toMatch(/different words/);
    const atLimit = await server.gqlAs(null, query, { t: `${'x'.repeat(50)} ${words(9)}` });
    expect(atLimit.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
    expect(atLimit.errors?.[0]?.message ?? '').not.toMatch(/limited to/);
  });

  it.each(PATHS)('$name: text without a letter or digit is refused, blank text filters nothing (or, for a topic, is refused)', async ({ query, field }) => {
    for (const symbols of ['%', '_', '%%__', '\u{1F600}', '"*"', '-']) {
      const res = await server.gqlAs(null, query, { t: symbols });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toBe(`${field}: search text needs at least one letter or digit`);
    }
    const blank = await server.gqlAs(null, query, { t: '   ' });
    if (field === 'filter.text') {
      // A list filtered by blank text is the whole list.
      const all = await server.gqlAs(null, query.replace(', filter: { text: $t }', '').replace('query($t: String!) ', ''));
      expect(blank.errors).toBeUndefined();
      expect(Object.values(blank.data as object)[0].totalCount).toBe(Object.values(all.data as object)[0].totalCount);
    } else {
      // A topic is what these reports are about: blank is no topic.
      expect(blank.errors?.[0]?.message).toBe(`${field}: give a topic id, key or some words`);
    }
  });
});
