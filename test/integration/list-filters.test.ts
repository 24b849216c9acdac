import { normalizeText } from '../../src/text/normalize';
import { devRegistry, startTestServer, TestServer } from '../helpers/server';

type Rec = Record<string, any>;
const data = devRegistry() as unknown as Record<string, Rec[]>;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

const FILTER_TYPE: Record<string, string> = { units: 'UnitFilter', people: 'PersonFilter', agreements: 'AgreementFilter', topics: 'TopicFilter' };

async function keys(list: string, filter: Rec): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: any = await server.gql(
      `query($f: ${FILTER_TYPE[list]}, $a: String) { ${list}(filter: $f, first: 100, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { key } } }`,
      { f: filter, a: after },
    );
    expect(res.errors).toBeUndefined();
    const page = res.data[list];
    out.push(...page.nodes.map((n: Rec) => n.key));
    if (!page.pageInfo.hasNextPage) {
      expect(page.totalCount).toBe(out.length);
      return out.sort();
    }
    after = page.pageInfo.endCursor;
  }
}

const sorted = (records: Rec[]) => records.map((r) => r.key).sort();
const subtree = (root: string) => {
  const out = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of data.units!) if (u.parent && out.has(u.parent) && !out.has(u.key)) out.add(u.key), (grew = true);
  }
  return out;
};
const sectorOf = (u: Rec) => u.sector ?? (['MUNICIPALITY', 'COUNTY', 'DISTRICT', 'MUNICIPAL_SERVICE'].includes(u.kind) ? 'MUNICIPAL' : ['UNIVERSITY', 'UNIVERSITY_COLLEGE', 'FACULTY', 'DEPARTMENT', 'RESEARCH_CENTRE', 'RESEARCH_INSTITUTE'].includes(u.kind) ? 'ACADEMIC' : 'OTHER');

describe('units(filter:)', () => {
  it('filters by kind, sector, parent, subtree, roots and text', async () => {
    expect(await keys('units', { kind: ['DISTRICT'] })).toEqual(sorted(data.units!.filter((u) => u.kind === 'DISTRICT')));
    expect(await keys('units', { sector: ['ACADEMIC'] })).toEqual(sorted(data.units!.filter((u) => sectorOf(u) === 'ACADEMIC')));
    expect(await keys('units', { parent: 'kommune-0301' })).toEqual(sorted(data.units!.filter((u) => u.parent === 'kommune-0301')));
    expect(await keys('units', { within: 'kommune-0301' })).toEqual([...subtree('kommune-0301')].sort());
    expect(await keys('units', { rootsOnly: true })).toEqual(sorted(data.units!.filter((u) => !u.parent)));
    expect(await keys('units', { text: 'ØSTENSJØ' })).toEqual(sorted(data.units!.filter((u) => normalizeText(`${u.name} ${u.key}`).includes('østensjø'))));
    expect(await keys('units', { text: 'grunerlokka' })).toEqual(sorted(data.units!.filter((u) => normalizeText(`${u.name} ${u.key}`).includes('grunerlokka'))));
  });
});

describe('people(filter:)', () => {
  it('filters by unit with or without subunits, and by text', async () => {
    const alna = subtree('bydel-alna');
    expect(await keys('people', { unit: 'bydel-alna' })).toEqual(sorted(data.people!.filter((p) => p.affiliations.some((a: Rec) => alna.has(a.unit)))));
    expect(await keys('people', { unit: 'bydel-alna', includeSubunits: false })).toEqual(sorted(data.people!.filter((p) => p.affiliations.some((a: Rec) => a.unit === 'bydel-alna'))));
    const person = data.people![42]!;
    expect(await keys('people', { text: person.name.toUpperCase() })).toContain(person.key);
  });
});

describe('agreements(filter:)', () => {
  it('filters by party, kind and validOn', async () => {
    expect(await keys('agreements', { party: 'kommune-0301' })).toEqual(sorted(data.agreements!.filter((a) => a.parties.includes('kommune-0301'))));
    expect(await keys('agreements', { kind: ['PRACTICE'] })).toEqual(sorted(data.agreements!.filter((a) => a.kind === 'PRACTICE')));
    const day = '2023-06-01';
    expect(await keys('agreements', { validOn: day })).toEqual(
      sorted(data.agreements!.filter((a) => (!a.validFrom || a.validFrom <= day) && (!a.validTo || a.validTo >= day))),
    );
  });
});

describe('topics(filter:)', () => {
  it('filters by parent, roots and text over labels and synonyms', async () => {
    expect(await keys('topics', { parent: 'helse' })).toEqual(sorted(data.topics!.filter((t) => t.parent === 'helse')));
    expect(await keys('topics', { rootsOnly: true })).toEqual(sorted(data.topics!.filter((t) => !t.parent)));
    expect(await keys('topics', { text: 'mobbing' })).toEqual(['skolemiljo']);
  });
});
