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

describe('duplicate candidates where the records tell two activities apart', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seeds: true });
  }, 60_000);
  afterAll(() => server.close());

  const CREATE = `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { key } userErrors { field message } } }`;
  async function create(key: string, title: string, units: string[], dates: { startDate?: string; endDate?: string } = {}) {
    const res = await server.gql(CREATE, { input: { key, title, kind: 'RESEARCH_PROJECT', units: units.map((unit) => ({ unit, role: 'PARTNER' })), ...dates } });
    expect(res.data.collaborationCreate.userErrors).toEqual([]);
  }
  /** The candidate pairs among the collaborations whose keys start with the prefix, with their unit reasons. */
  const among = async (prefix: string) =>
    (await allCandidates(server, { minScore: 0.5 }))
      .filter((c) => c.a.key.startsWith(prefix) && c.b.key.startsWith(prefix))
      .map((c) => ({ pair: pairOf(c.a.key, c.b.key), units: c.reasons.filter((r: { code: string }) => r.code.endsWith('_UNITS')) }))
      .sort((x, y) => x.pair.localeCompare(y.pair));

  it('finds none among the seeds, which name one kind of project with several universities alike', async () => {
    // "Innovasjonsforskningsprosjekt i Bærum kommune med NTNU" and "… med Universitetet i Oslo" are two projects.
    expect(await allCandidates(server, { minScore: 0.5 })).toEqual([]);
  });

  it('takes universities that are neither the same nor one inside the other for two activities, and says which units agree', async () => {
    await create('acad-uio', 'Språkmiljø i barnehagen', ['bydel-sagene', 'uio']);
    await create('acad-ntnu', 'Språkmiljø i barnehagen', ['bydel-sagene', 'ntnu']);
    await create('acad-oslomet', 'Språkmiljø i barnehagen', ['bydel-sagene', 'oslomet']);
    await create('acad-produktdesign', 'Språkmiljø i barnehagen', ['bydel-sagene', 'oslomet-institutt-for-produktdesign']);
    await create('acad-kommune', 'Språkmiljø i barnehagen', ['kommune-0301']);
    expect(await among('acad-')).toEqual([
      { pair: pairOf('acad-kommune', 'acad-ntnu'), units: [{ code: 'NESTED_UNITS', message: 'Bydel Sagene lies inside Oslo kommune' }] },
      { pair: pairOf('acad-kommune', 'acad-oslomet'), units: [{ code: 'NESTED_UNITS', message: 'Bydel Sagene lies inside Oslo kommune' }] },
      { pair: pairOf('acad-kommune', 'acad-produktdesign'), units: [{ code: 'NESTED_UNITS', message: 'Bydel Sagene lies inside Oslo kommune' }] },
      { pair: pairOf('acad-kommune', 'acad-uio'), units: [{ code: 'NESTED_UNITS', message: 'Bydel Sagene lies inside Oslo kommune' }] },
      {
        pair: pairOf('acad-oslomet', 'acad-produktdesign'),
        units: [{ code: 'NESTED_UNITS', message: 'Bydel Sagene takes part in both; Institutt for produktdesign lies inside OsloMet – storbyuniversitetet' }],
      },
    ]);
    // In Norwegian when the request asks for it, as overlap reasons are; the codes are the same.
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'nb-NO, en;q=0.5', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ query: PAGE, variables: { filter: { minScore: 0.5 } } }),
    });
    expect(res.headers.get('content-language')).toBe('nb');
    const pair = ((await res.json()) as any).data.duplicateCandidates.nodes.find((c: any) => pairOf(c.a.key, c.b.key) === pairOf('acad-oslomet', 'acad-produktdesign'));
    expect(pair.reasons).toEqual([
      { code: 'SIMILAR_TITLE', message: 'titlene er 100 % like: «Språkmiljø i barnehagen» og «Språkmiljø i barnehagen»' },
      { code: 'NESTED_UNITS', message: 'Bydel Sagene deltar i begge; Institutt for produktdesign ligger under OsloMet – storbyuniversitetet' },
      { code: 'SAME_KIND', message: 'begge er av samme slag (RESEARCH_PROJECT)' },
    ]);
  });

  it('keeps a university named in the title where the other record has another one, and a place one title names that the other is not in', async () => {
    // Left out as places, the partners' names would leave the titles the same.
    await create('named-uio', 'Tjenestedesign i Bærum kommune med Universitetet i Oslo', ['kommune-3201', 'uio']);
    await create('named-ntnu', 'Tjenestedesign i Bærum kommune med NTNU', ['kommune-3201']);
    await create('named-ntnu-2', 'Tjenestedesign i Bærum kommune', ['kommune-3201', 'ntnu']);
    // The title is all there is of its place: a record in another bydel is another activity, one in that bydel may be the same.
    await create('named-stovner', 'Hjemmebesøk fra helsestasjonen i Bydel Stovner', ['vid']);
    await create('named-alna', 'Hjemmebesøk fra helsestasjonen', ['bydel-alna', 'vid']);
    await create('named-stovner-2', 'Hjemmebesøk fra helsestasjonen', ['bydel-stovner', 'vid']);
    // A word of a unit's name that only one record has a unit for is what the titles differ in, not their place.
    await create('named-produktdesign', 'Produktdesign i hjemmetjenesten', ['bydel-alna', 'uio', 'oslomet-institutt-for-produktdesign']);
    await create('named-velferdsteknologi', 'Velferdsteknologi i hjemmetjenesten', ['bydel-alna', 'uio']);
    expect((await among('named-')).map((c) => c.pair)).toEqual([pairOf('named-ntnu', 'named-ntnu-2'), pairOf('named-stovner', 'named-stovner-2')]);
  });

  it('takes a start a year or more after the other for another round, and less than a year for one activity', async () => {
    await create('round-2022', 'Fagdag om velferdsteknologi', ['bydel-alna', 'oslomet'], { startDate: '2022-09-01' });
    await create('round-2023', 'Fagdag om velferdsteknologi', ['bydel-alna', 'oslomet'], { startDate: '2023-09-01' });
    await create('round-2023-spring', 'Fagdag om velferdsteknologi', ['bydel-alna', 'oslomet'], { startDate: '2023-03-01' });
    expect((await among('round-')).map((c) => c.pair)).toEqual([pairOf('round-2022', 'round-2023-spring'), pairOf('round-2023', 'round-2023-spring')]);
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
