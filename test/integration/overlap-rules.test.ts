import { startTestServer, TestServer } from '../helpers/server';

/**
 * Each rule of the overlap definition on a small registry whose subjects and words have nothing to do with the dev
 * registry (libraries and sports), so the rules are tested, not the fixture's vocabulary.
 */
const GENERIC = 'Samarbeidet skal styrke kompetansen hos ansatte og bidra til tjenesteutvikling.';
const unit = (key: string, name: string, kind: string, parent?: string) => ({ key, name, kind, ...(parent ? { parent } : {}) });
let n = 0;
const collab = (key: string, subject: 'library' | 'sport', units: string[], extra: Record<string, unknown> = {}) => {
  n += 1;
  const text =
    subject === 'library'
      ? { title: `Lesestimulering og utlån i folkebiblioteket ${n}`, summary: `Biblioteket arrangerer lesesirkler og bokprat for nye lesere. ${GENERIC}`, keywords: ['bibliotek', 'lesing'] }
      : { title: `Fotball og svømming for barn ${n}`, summary: `Idrettslaget gir svømmeopplæring og fotballtrening etter skoletid. ${GENERIC}`, keywords: ['idrett'] };
  return {
    key, kind: 'RESEARCH_PROJECT', ...text, startDate: '2020-01-01', endDate: '2022-12-31',
    units: [...units.map((u) => ({ unit: u, role: 'PARTNER' })), { unit: 'uni', role: 'LEAD' }], ...extra,
  };
};

const registry = {
  format: 'collaboration-registry',
  version: 1,
  topics: [
    { key: 'kultur', label: 'Kultur og fritid' },
    { key: 'bibliotek', label: 'Bibliotek og lesing', parent: 'kultur', synonyms: ['folkebibliotek', 'lesestimulering', 'utlån'] },
    { key: 'idrett', label: 'Idrett og friluftsliv', parent: 'kultur', synonyms: ['fotball', 'svømming', 'idrettslag'] },
  ],
  units: [
    unit('k', 'Testby kommune', 'MUNICIPALITY'),
    unit('d1', 'Bydel Nord', 'DISTRICT', 'k'),
    unit('d2', 'Bydel Sør', 'DISTRICT', 'k'),
    unit('d2-school', 'Bydel Sør, Lesestimulering skole', 'MUNICIPAL_SERVICE', 'd2'),
    unit('uni', 'Testby universitet', 'UNIVERSITY'),
  ],
  people: [
    { key: 'p1', name: 'Per Test', affiliations: [] },
    { key: 'p2', name: 'Kari Test', affiliations: [] },
  ],
  collaborations: [
    collab('lib-k', 'library', ['k'], { topics: ['bibliotek'] }),
    collab('lib-d1', 'library', ['d1'], { topics: ['kultur'], people: [{ person: 'p1', role: 'PROJECT_LEADER' }] }),
    collab('lib-d2-school', 'library', ['d2-school'], { topics: [] }),
    collab('sport-d1', 'sport', ['d1'], { topics: ['bibliotek'] }),
    collab('lib-d1-earlier', 'library', ['d1'], { startDate: '2015-01-01', endDate: '2016-12-31' }),
    collab('lib-d1-open', 'library', ['d1'], { startDate: undefined, endDate: undefined }),
    collab('lib-d1-cancelled', 'library', ['d1'], { status: 'CANCELLED' }),
    collab('lib-d1-same-person', 'library', ['d1'], { people: [{ person: 'p1', role: 'RESEARCHER' }] }),
    collab('lib-d1-child', 'library', ['d1'], { parent: 'lib-d1' }),
    collab('sport-d2', 'sport', ['d2'], { topics: ['idrett'] }),
    collab('sport-k', 'sport', ['k'], { topics: ['idrett'], people: [{ person: 'p2', role: 'CONTACT' }] }),
    collab('lib-academic-only', 'library', [], { topics: ['bibliotek'] }),
  ],
};

let server: TestServer;
let flagged: Set<string>;
const pair = (a: string, b: string) => [a, b].sort().join('|');

async function flaggedPairs(filter: Record<string, unknown> = {}): Promise<Set<string>> {
  const rows: { id: number; key: string }[] = await server.dataSource.query('SELECT id, key FROM collaboration');
  const key = new Map(rows.map((r) => [r.id, r.key]));
  return new Set((await server.services.analysis.overlaps(filter)).map((o) => pair(key.get(o.a)!, key.get(o.b)!)));
}

beforeAll(async () => {
  server = await startTestServer();
  await server.services.snapshot.import(registry);
  // New topics: the analysis is rebuilt (in the background) before the pairs are read.
  await server.services.analysis.settled();
  flagged = await flaggedPairs();
});
afterAll(() => server.close());

describe('overlap definition', () => {
  it('flags the same subject on the same or containing municipal ground, at any depth', () => {
    expect(flagged).toContain(pair('lib-k', 'lib-d1')); // kommune contains bydel
    expect(flagged).toContain(pair('lib-k', 'lib-d2-school')); // two levels down
    expect(flagged).toContain(pair('sport-d2', 'sport-k'));
  });

  it('does not flag siblings: neither unit contains the other', () => {
    expect(flagged).not.toContain(pair('lib-d1', 'lib-d2-school'));
  });

  it('uses text when tags are missing, too broad or wrong, and ignores generic words and unit names', () => {
    // lib-d2-school is untagged, lib-d1 only has the broad theme; sport-d1 is tagged "bibliotek" by mistake.
    expect(flagged).toContain(pair('lib-k', 'lib-d2-school'));
    expect(flagged).not.toContain(pair('sport-d1', 'lib-d1'));
    expect(flagged).not.toContain(pair('sport-d1', 'lib-k'));
    expect(flagged).toContain(pair('sport-d1', 'sport-k'));
  });

  it('needs overlapping periods, treating a missing start or end as open', () => {
    expect(flagged).not.toContain(pair('lib-d1', 'lib-d1-earlier'));
    expect(flagged).toContain(pair('lib-d1', 'lib-d1-open'));
    expect(flagged).toContain(pair('lib-d1-earlier', 'lib-d1-open'));
  });

  it('leaves out cancelled collaborations and pairs already connected by a person or by parent', () => {
    for (const key of flagged) expect(key).not.toContain('lib-d1-cancelled');
    expect(flagged).not.toContain(pair('lib-d1', 'lib-d1-same-person'));
    expect(flagged).not.toContain(pair('lib-d1', 'lib-d1-child'));
    expect(flagged).toContain(pair('lib-d1-child', 'lib-d1-same-person'));
  });

  it('needs municipal ground: an academic-only collaboration overlaps nothing', () => {
    for (const key of flagged) expect(key).not.toContain('lib-academic-only');
  });

  it('explains each pair with reasons naming units, topics, period and words', async () => {
    const [overlap] = await server.services.analysis.overlaps({ unit: 'd2-school' });
    const reasons = await server.services.analysis.explain(overlap!);
    expect(reasons.map((r) => r.code)).toEqual(['CONTAINED_UNIT', 'SIMILAR_TEXT', 'PERIOD_OVERLAP']);
    expect(reasons[0]!.message).toBe('Bydel Sør, Lesestimulering skole lies inside Testby kommune.');
    expect(reasons[1]!.message).toMatch(/^Both texts are about "Bibliotek og lesing": they share /);
    expect(reasons[1]!.message).not.toMatch(/samarbeid|kompetanse|tjenesteutvikling/);
    expect(reasons[2]!.message).toBe('Both run from 2020-01-01 to 2022-12-31.');
    expect(overlap!.score).toBeGreaterThan(0.5);
  });

  it('drops reviewed pairs from the default report (KNOWN, NOT_OVERLAP) and keeps CONFIRMED ones, marked', async () => {
    await server.services.analysis.review({ a: 'lib-k', b: 'lib-d1', decision: 'KNOWN' as never, note: 'They meet monthly' }, 'tester');
    await server.services.analysis.review({ a: 'sport-k', b: 'sport-d2', decision: 'CONFIRMED' as never }, 'tester');
    const now = await flaggedPairs();
    expect(now).not.toContain(pair('lib-k', 'lib-d1'));
    expect(now).toContain(pair('sport-d2', 'sport-k'));
    expect(await flaggedPairs({ includeReviewed: true })).toContain(pair('lib-k', 'lib-d1'));
    const changed = await server.services.analysis.review({ a: 'lib-d1', b: 'lib-k', decision: 'CONFIRMED' as never }, 'other');
    expect(changed).toMatchObject({ decision: 'CONFIRMED', reviewedBy: 'other', note: null });
    expect(await flaggedPairs()).toContain(pair('lib-k', 'lib-d1'));
  });
});
