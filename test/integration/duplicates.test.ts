import { duplicateRegistry } from '../helpers/duplicate-registry';
import { startTestServer, TestServer } from '../helpers/server';

const PAGE = `query($after: String, $filter: DuplicateFilterInput) {
  duplicateCandidates(first: 100, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { score a { key } b { key } reasons { code message } review { decision } } } }`;

async function allCandidates(server: TestServer, filter: Record<string, unknown> = {}) {
  const out: any[] = [];
  let after: string | null = null;
  for (;;) {
    const res: any = await server.gql(PAGE, { after, filter });
    expect(res.errors).toBeUndefined();
    out.push(...res.data.duplicateCandidates.nodes);
    if (!res.data.duplicateCandidates.pageInfo.hasNextPage) return out;
    after = res.data.duplicateCandidates.pageInfo.endCursor;
  }
}

const pairOf = (a: string, b: string) => [a, b].sort().join(' | ');

/**
 * Generated registries (the dev registry with activities registered a second time, in two wording styles and two
 * seeds) with their ground truth: the candidates must find the copies (recall) and little else (precision), and
 * leave the look-alikes (a repeat in a later period, the same title for a sibling unit) alone.
 */
describe.each([
  [1, 'light'],
  [2, 'heavy'],
] as const)('duplicate candidates on a generated registry (seed %i, %s re-wording)', (seed, wording) => {
  let server: TestServer;
  const registry = duplicateRegistry(seed, wording);
  beforeAll(async () => {
    server = await startTestServer();
    await server.services.snapshot.import(registry.snapshot);
  }, 60_000);
  afterAll(() => server.close());

  it('finds the activities entered twice with precision and recall of at least 0.9, and no look-alike', async () => {
    const started = performance.now();
    const found = await allCandidates(server);
    const truth = new Set(registry.duplicates.map(([a, b]) => pairOf(a, b)));
    const flagged = found.map((c) => pairOf(c.a.key, c.b.key));
    const right = flagged.filter((p) => truth.has(p)).length;
    const precision = right / flagged.length;
    const recall = right / truth.size;
    console.log(
      `duplicates (seed ${seed}, ${wording}): ${flagged.length} flagged, ${truth.size} expected, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, ${Math.round(performance.now() - started)} ms`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    const lookalikes = new Set(registry.lookalikes.map(([a, b]) => pairOf(a, b)));
    expect(flagged.filter((p) => lookalikes.has(p))).toEqual([]);
    for (const c of found) {
      expect(c.reasons.map((r: { code: string }) => r.code)).toContain('SIMILAR_TITLE');
      expect(c.reasons.some((r: { code: string }) => r.code === 'SAME_UNITS' || r.code === 'NESTED_UNITS')).toBe(true);
    }
  });
});

describe('reviewing duplicate candidates', () => {
  let server: TestServer;
  const registry = duplicateRegistry(7, 'light', 10);
  beforeAll(async () => {
    server = await startTestServer();
    await server.services.snapshot.import(registry.snapshot);
  }, 60_000);
  afterAll(() => server.close());

  const REVIEW = `mutation($input: DuplicateReviewInput!) { duplicateReview(input: $input) { review { decision note reviewedBy } userErrors { field code message } } }`;

  it('a NOT_DUPLICATE pair leaves the default list and stays there with includeReviewed; DUPLICATE marks it', async () => {
    const [first, second] = await allCandidates(server);
    const res = await server.gql(REVIEW, { input: { a: first.a.key, b: first.b.key, decision: 'NOT_DUPLICATE', note: 'to prosjekter' } });
    expect(res.data.duplicateReview).toEqual({ review: { decision: 'NOT_DUPLICATE', note: 'to prosjekter', reviewedBy: 'test-admin-1' }, userErrors: [] });
    const after = await allCandidates(server);
    expect(after.map((c) => pairOf(c.a.key, c.b.key))).not.toContain(pairOf(first.a.key, first.b.key));
    const all = await allCandidates(server, { includeReviewed: true });
    expect(all.find((c) => pairOf(c.a.key, c.b.key) === pairOf(first.a.key, first.b.key)).review).toEqual({ decision: 'NOT_DUPLICATE' });
    await server.gql(REVIEW, { input: { a: second.b.key, b: second.a.key, decision: 'DUPLICATE' } });
    expect((await allCandidates(server)).find((c) => pairOf(c.a.key, c.b.key) === pairOf(second.a.key, second.b.key)).review).toEqual({ decision: 'DUPLICATE' });
  });

  it('filters by unit (with subunits) and by score', async () => {
    const all = await allCandidates(server, { minScore: 0.5, includeReviewed: true });
    const strong = await allCandidates(server, { minScore: 0.9, includeReviewed: true });
    expect(strong.length).toBeLessThanOrEqual(all.length);
    expect(strong.every((c) => c.score >= 0.9)).toBe(true);
    const oslo = await allCandidates(server, { unit: 'kommune-0301', includeReviewed: true });
    const inOslo = async (key: string) =>
      (await server.gql(`{ collaboration(key: "${key}") { units { unit { key ancestors { key } } } } }`)).data.collaboration.units.some(
        (u: any) => u.unit.key === 'kommune-0301' || u.unit.ancestors.some((a: any) => a.key === 'kommune-0301'),
      );
    for (const c of oslo) expect((await inOslo(c.a.key)) || (await inOslo(c.b.key))).toBe(true);
  });

  it('refuses bad input with the field named, and callers without the role, changing nothing', async () => {
    const before = await server.snapshot();
    const [pair] = await allCandidates(server, { includeReviewed: true });
    const bad = await server.gql(PAGE, { after: null, filter: { minScore: 2 } });
    expect(bad.errors?.[0]).toMatchObject({ message: 'filter.minScore: must be between 0.5 and 1 (was 2)', extensions: { code: 'BAD_USER_INPUT' } });
    const unknown = await server.gql(REVIEW, { input: { a: 'finnes-ikke', b: pair.b.key, decision: 'NOT_DUPLICATE' } });
    expect(unknown.data.duplicateReview.userErrors).toEqual([{ field: 'a', code: 'UNKNOWN_REFERENCE', message: expect.stringContaining('finnes-ikke') }]);
    const self = await server.gql(REVIEW, { input: { a: pair.a.key, b: pair.a.key, decision: 'NOT_DUPLICATE' } });
    expect(self.data.duplicateReview.userErrors).toEqual([{ field: 'b', code: 'INVALID', message: 'a collaboration cannot duplicate itself' }]);
    const wrongEnum = await server.gql(REVIEW, { input: { a: pair.a.key, b: pair.b.key, decision: 'MAYBE' } });
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gqlAs(null, REVIEW, { input: { a: pair.a.key, b: pair.b.key, decision: 'NOT_DUPLICATE' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const editor = await server.token('EDITOR', ['kommune-0301']);
    expect((await server.gqlAs(editor, REVIEW, { input: { a: pair.a.key, b: pair.b.key, decision: 'NOT_DUPLICATE' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.snapshot()).toEqual(before);
  });
});
