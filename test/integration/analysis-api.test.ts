import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

type Rec = Record<string, any>;

describe('overlapReport', () => {
  const report = (args: string) =>
    server.gql(`{ overlapReport(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { score a { key } b { key } subject { key } reasons { code message } sharedUnits { key } periodStart periodEnd review { decision } } } }`);

  it('pages through all flagged pairs, strongest first, each with reasons', async () => {
    const first = (await report('first: 100')).data.overlapReport;
    expect(first.totalCount).toBe(849);
    expect(first.nodes).toHaveLength(100);
    const scores = first.nodes.map((n: Rec) => n.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    for (const node of first.nodes) {
      expect(node.reasons.map((r: Rec) => r.code)).toEqual(expect.arrayContaining(['SIMILAR_TEXT', 'PERIOD_OVERLAP']));
      expect(node.sharedUnits.length).toBeGreaterThan(0);
    }
    const second = (await report(`first: 100, after: "${first.pageInfo.endCursor}"`)).data.overlapReport;
    const keys = (page: Rec) => page.nodes.map((n: Rec) => `${n.a.key}|${n.b.key}`);
    expect(keys(second).filter((k: string) => keys(first).includes(k))).toEqual([]);
  });

  it('filters by unit (with subunits), topic by key or free text, and date', async () => {
    const alna = (await report('first: 100, filter: { unit: "bydel-alna" }')).data.overlapReport;
    expect(alna.totalCount).toBeGreaterThan(0);
    const byKey = (await report('first: 100, filter: { topic: "demens" }')).data.overlapReport;
    expect(byKey.totalCount).toBeGreaterThan(0);
    expect(new Set(byKey.nodes.map((n: Rec) => n.subject.key))).toEqual(new Set(['demens']));
    const byText = (await report('first: 100, filter: { topic: "Demensomsorg" }')).data.overlapReport;
    expect(byText.totalCount).toBe(byKey.totalCount);
    const broad = (await report('first: 1, filter: { topic: "helse" }')).data.overlapReport;
    expect(broad.totalCount).toBeGreaterThan(byKey.totalCount);
    const onDay = (await report('first: 100, filter: { activeOn: "2020-06-01" }')).data.overlapReport;
    for (const n of onDay.nodes) {
      expect(!n.periodStart || n.periodStart <= '2020-06-01').toBe(true);
      expect(!n.periodEnd || n.periodEnd >= '2020-06-01').toBe(true);
    }
    const none = (await report('filter: { minScore: 1.0 }')).data.overlapReport;
    expect(none.totalCount).toBeLessThanOrEqual(849);
  });

  it('refuses bad filters with a clear error', async () => {
    expect((await report('filter: { minScore: 2 }')).errors?.[0]?.message).toBe('filter.minScore: must be between 0 and 1 (was 2)');
    expect((await report('filter: { unit: "nowhere" }')).errors?.[0]?.message).toBe('filter.unit: unknown unit "nowhere"');
    expect((await report('first: 500')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('review flow over HTTP', () => {
  it('records, changes and applies decisions, with who and when', async () => {
    const [top] = (await server.gql(`{ overlapReport(first: 1) { nodes { a { key } b { key } } } }`)).data.overlapReport.nodes;
    const coordinator = await server.token('COORDINATOR');
    const review = (decision: string, as: string | null = coordinator) =>
      server.gqlAs(as, `mutation { overlapReview(input: { a: "${top.a.key}", b: "${top.b.key}", decision: ${decision}, note: "checked" }) { review { decision note reviewedBy reviewedAt } userErrors { field code message } } }`);
    const known = (await review('KNOWN')).data.overlapReview;
    expect(known.userErrors).toEqual([]);
    expect(known.review).toMatchObject({ decision: 'KNOWN', note: 'checked', reviewedBy: expect.stringMatching(/^test-coordinator-/) });
    expect((await review('NOT_OVERLAP', await server.token('VIEWER'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await review('NOT_OVERLAP', null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(`{ overlapReport { totalCount } }`)).data.overlapReport.totalCount).toBe(848);
    expect((await server.gql(`{ collaboration(key: "${top.a.key}") { overlaps { b { key } a { key } } } }`)).data.collaboration.overlaps).not.toContainEqual({ a: { key: top.a.key }, b: { key: top.b.key } });
    await review('CONFIRMED');
    const back = await server.gql(`{ overlapReport(first: 100, filter: { includeReviewed: true }) { totalCount nodes { review { decision } } } }`);
    expect(back.data.overlapReport.totalCount).toBe(849);
    expect((await server.gql(`{ overlapReport { totalCount } }`)).data.overlapReport.totalCount).toBe(849);
    const bad = await server.gql(`mutation { overlapReview(input: { a: "c-000001", b: "c-000001", decision: KNOWN }) { review { decision } userErrors { field code message } } }`);
    expect(bad.data.overlapReview).toEqual({ review: null, userErrors: [{ field: 'b', code: 'INVALID', message: 'a collaboration cannot overlap itself' }] });
    const unknown = await server.gql(`mutation { overlapReview(input: { a: "nope", b: "c-000001", decision: KNOWN }) { userErrors { field code } } }`);
    expect(unknown.data.overlapReview.userErrors).toEqual([{ field: 'a', code: 'UNKNOWN_REFERENCE' }]);
  });
});

describe('incremental analysis', () => {
  it("makes a new collaboration's overlaps current right after it is created, changed and deleted", async () => {
    const existing = (await server.gql(`{ collaboration(key: "c-000002") { title summary keywords startDate endDate topics { key } units { unit { key } } } }`)).data.collaboration;
    const created = await server.gql(
      `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { id version overlaps { a { key } b { key } } } userErrors { message } } }`,
      {
        input: {
          key: 'twin-of-2', title: existing.title, summary: existing.summary, keywords: existing.keywords, kind: 'ANALYSIS',
          startDate: existing.startDate, endDate: existing.endDate,
          units: [{ unit: 'bydel-ostensjo', role: 'HOST' }, { unit: 'oslomet', role: 'LEAD' }],
        },
      },
    );
    const twin = created.data.collaborationCreate.collaboration;
    const partners = twin.overlaps.map((o: Rec) => (o.a.key === 'twin-of-2' ? o.b.key : o.a.key));
    expect(partners).toContain('c-000002');
    const moved = await server.gql(`mutation { collaborationUpdate(input: { id: "twin-of-2", version: 1, startDate: "2000-01-01", endDate: "2000-12-31" }) { collaboration { overlaps { score } } } }`);
    expect(moved.data.collaborationUpdate.collaboration.overlaps).toEqual([]);
    await server.gql(`mutation { collaborationDelete(input: { id: "twin-of-2", version: 2 }) { deletedId } }`);
    expect((await server.gql(`{ overlapReport(filter: { includeReviewed: true }) { totalCount } }`)).data.overlapReport.totalCount).toBe(849);
  });
});

describe('coordination gaps, clusters and who works with', () => {
  it('lists gaps by code and unit, and per collaboration', async () => {
    const res = await server.gql(`{ coordinationGaps(first: 100, filter: { codes: [NO_CONTACT] }) { totalCount nodes { codes messages collaboration { key gaps { codes } } } } }`);
    expect(res.data.coordinationGaps.totalCount).toBe(13);
    for (const node of res.data.coordinationGaps.nodes) {
      expect(node.codes).toEqual(['NO_CONTACT']);
      expect(node.messages).toEqual(['Nobody takes part as project leader or contact.']);
      expect(node.collaboration.gaps.codes).toContain('NO_CONTACT');
    }
    const oslo = await server.gql(`{ coordinationGaps(filter: { unit: "kommune-0301" }) { totalCount } all: coordinationGaps { totalCount } }`);
    expect(oslo.data.coordinationGaps.totalCount).toBeLessThan(oslo.data.all.totalCount);
  });

  it('groups overlaps into clusters with their contacts, largest first', async () => {
    const res = await server.gql(`{ overlapClusters(first: 3) { totalCount nodes { size score collaborations { key } overlaps { score } topics { key } contacts { role person { name } collaboration { key } } } } }`);
    const clusters = res.data.overlapClusters.nodes;
    expect(clusters[0].size).toBeGreaterThanOrEqual(clusters[1].size);
    expect(clusters[0].collaborations).toHaveLength(clusters[0].size);
    expect(clusters[0].overlaps.length).toBeGreaterThanOrEqual(clusters[0].size - 1);
    for (const contact of clusters[0].contacts) expect(['PROJECT_LEADER', 'CONTACT']).toContain(contact.role);
  });

  it('answers who works with a unit on a topic, and refuses a bad limit', async () => {
    const res = await server.gql(`{ whoWorksWith(unit: "bydel-frogner", topic: "boligsosialt") { people { score roles person { key } collaborations { key } } units { unit { key } } collaborations { score reasons collaboration { key status } } } }`);
    const answer = res.data.whoWorksWith;
    expect(answer.collaborations.length).toBeGreaterThan(0);
    for (const c of answer.collaborations) expect(c.collaboration.status).not.toBe('CANCELLED');
    expect(answer.people[0].collaborations.length).toBeGreaterThan(0);
    const tooMany = await server.gql(`{ whoWorksWith(unit: "bydel-frogner", topic: "boligsosialt", limit: 501) { people { score } } }`);
    expect(tooMany.errors?.[0]?.message).toBe('limit: must be from 1 to 500 (was 501)');
    const badUnit = await server.gql(`{ whoWorksWith(unit: "x", topic: "boligsosialt") { people { score } } }`);
    expect(badUnit.errors?.[0]?.message).toBe('unit: unknown unit "x"');
  });

  it('names the topics its topic was taken to mean: the one a key names, those its words match, none for a misspelt word', async () => {
    const topics = async (topic: string) =>
      (await server.gql(`query($t: String!) { whoWorksWith(unit: "kommune-0301", topic: $t) { topics { key label synonyms } collaborations { collaboration { key } } } }`, { t: topic })).data.whoWorksWith;
    expect((await topics('boligsosialt')).topics).toEqual([expect.objectContaining({ key: 'boligsosialt', label: 'Boligsosialt arbeid' })]);
    const words = await topics('psykisk helse i skolen');
    expect(words.topics.length).toBeGreaterThan(1);
    for (const t of words.topics) expect([t.label, ...t.synonyms].join(' ').toLowerCase()).toMatch(/psykis|helse|skolen/);
    expect(words.topics.map((t: Rec) => t.label)).toEqual([...words.topics.map((t: Rec) => t.label)].sort((a, b) => a.localeCompare(b, 'nb')));
    expect(words.collaborations.length).toBeGreaterThan(0);
    const misspelt = await topics('bolgisosialt');
    expect(misspelt.topics).toEqual([]);
    expect(misspelt.collaborations).toEqual([]);
  });
});

describe('the language of explanations', () => {
  const ask = async (language: string | null, query: string) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}`, ...(language === null ? {} : { 'accept-language': language }) },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data: Rec; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const EXPLAINED = `{
    overlapReport(first: 20) { nodes { reasons { code message } } }
    coordinationGaps(first: 20, filter: { codes: [NO_CONTACT, ONE_SIDED, NO_AGREEMENT] }) { nodes { codes messages collaboration { gaps { messages } } } }
    whoWorksWith(unit: "bydel-frogner", topic: "boligsosialt") { collaborations { reasons } }
  }`;
  /** Every sentence of an answer, by what it explains. */
  const sentences = (data: Rec) => ({
    overlaps: data.overlapReport.nodes.flatMap((n: Rec) => n.reasons.map((r: Rec) => [r.code, r.message])),
    gaps: data.coordinationGaps.nodes.flatMap((n: Rec) => [...n.messages, ...n.collaboration.gaps.messages]),
    who: data.whoWorksWith.collaborations.flatMap((c: Rec) => c.reasons),
  });

  it('writes overlap reasons, gaps and whoWorksWith reasons in Norwegian when Accept-Language prefers it, with the same codes', async () => {
    const english = sentences(await ask(null, EXPLAINED));
    const norwegian = sentences(await ask('nb-NO,nb;q=0.9,en;q=0.8', EXPLAINED));
    expect(norwegian.overlaps.map(([code]: string[]) => code)).toEqual(english.overlaps.map(([code]: string[]) => code));
    expect(english.overlaps.length).toBeGreaterThan(40);
    const opening: Record<string, [RegExp, RegExp]> = {
      SHARED_UNIT: [/^Both involve /, /^Begge involverer /],
      CONTAINED_UNIT: [/ lies inside /, / ligger under /],
      SAME_TOPIC: [/^Both are tagged "/, /^Begge er merket «/],
      RELATED_TOPIC: [/ is narrower than /, / er smalere enn /],
      SIMILAR_TEXT: [/^Both texts are about "[^"]+"(: they share "|\.$)/, /^Begge tekstene handler om «[^»]+»(: de deler «|\.$)/],
      PERIOD_OVERLAP: [/^Both run (from|until|with open periods)/, /^(Periodene overlapper (fra|til) |Begge har åpne perioder\.)/],
    };
    english.overlaps.forEach(([code, message]: string[], i: number) => {
      expect(message).toMatch(opening[code]![0]);
      expect(norwegian.overlaps[i][1]).toMatch(opening[code]![1]);
    });
    expect(english.gaps.length).toBeGreaterThan(0);
    expect(norwegian.gaps).toHaveLength(english.gaps.length);
    expect(new Set(norwegian.gaps)).toEqual(
      new Set(
        english.gaps.map((m: string) =>
          ({
            'Nobody takes part as project leader or contact.': 'Ingen deltar som prosjektleder eller kontaktperson.',
            'No academic-sector unit takes part.': 'Ingen enhet fra UH-sektoren deltar.',
            'No municipal-sector unit takes part.': 'Ingen enhet fra kommunesektoren deltar.',
            'Neither this collaboration nor any it is part of names an agreement.': 'Verken dette samarbeidet eller noe samarbeid det er del av, viser til en avtale.',
          })[m],
        ),
      ),
    );
    expect(english.who.length).toBeGreaterThan(0);
    expect(english.who.every((r: string) => /^(About "|Its text mentions|Active or planned\.|Ended \d{4}-\d\d-\d\d\.)/.test(r))).toBe(true);
    expect(norwegian.who).toHaveLength(english.who.length);
    expect(norwegian.who.every((r: string) => /^(Handler om «.+» \(\d+ % sikkerhet|Teksten nevner|Aktivt eller planlagt\.|Avsluttet \d{4}-\d\d-\d\d\.)/.test(r))).toBe(true);
  });

  it('says which language it answered in, and that the answer varies with Accept-Language (for caches)', async () => {
    for (const [asked, given] of [['nb', 'nb'], ['en', 'en'], [null, 'en']] as const) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(asked ? { 'accept-language': asked } : {}) },
        body: JSON.stringify({ query: '{ overlapReport(first: 1) { totalCount } }' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-language')).toBe(given);
      expect(res.headers.get('vary')).toMatch(/(^|, )Accept-Language$/);
    }
  });

  it('answers in English when Norwegian is not preferred, refused with q=0, or the header cannot be read', async () => {
    const query = '{ overlapReport(first: 1) { nodes { reasons { code message } } } }';
    const period = (data: Rec) => data.overlapReport.nodes[0].reasons.find((r: Rec) => r.code === 'PERIOD_OVERLAP').message;
    for (const header of ['en', 'fr, en;q=0.5, nb;q=0.4', 'nb;q=0', 'de', ';;;,,q=x', 'nb;q=2']) {
      const data = await ask(header, query);
      expect([header, period(data)]).toEqual([header, expect.stringMatching(/^Both run /)]);
    }
    for (const header of ['no', 'nn', 'da, nb;q=0.8, en;q=0.7', 'en;q=0.5, nb']) {
      const data = await ask(header, query);
      expect([header, period(data)]).toEqual([header, expect.stringMatching(/^(Periodene overlapper|Begge har åpne)/)]);
    }
  });
});
