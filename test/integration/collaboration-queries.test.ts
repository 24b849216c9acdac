import { normalizeText } from '../../src/text/normalize';
import { devRegistry, startTestServer, TestServer } from '../helpers/server';

type Rec = Record<string, any>;

let server: TestServer;
const data = devRegistry() as unknown as Record<string, Rec[]>;

/** The fixture's own tree, to compute expected answers independently of the server. */
function subtree(section: 'units' | 'topics', rootKey: string): Set<string> {
  const out = new Set([rootKey]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of data[section]!) if (r.parent && out.has(r.parent) && !out.has(r.key)) out.add(r.key), (grew = true);
  }
  return out;
}

const expected = (pred: (c: Rec) => boolean) => data.collaborations!.filter(pred).map((c) => c.key).sort();

async function allKeys(filter: Rec): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: any = await server.gql(
      `query($filter: CollaborationFilter, $after: String) {
        collaborations(filter: $filter, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { key } }
      }`,
      { filter, after },
    );
    expect(res.errors).toBeUndefined();
    const page = res.data.collaborations;
    keys.push(...page.nodes.map((n: Rec) => n.key));
    if (!page.pageInfo.hasNextPage) {
      expect(page.totalCount).toBe(keys.length);
      return keys.sort();
    }
    after = page.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  server = await startTestServer({ dev: true, config: { diagnostics: true } });
});
afterAll(() => server.close());

describe('collaborations(filter:)', () => {
  it('filters by unit including subunits, or the unit alone', async () => {
    const oslo = subtree('units', 'kommune-0301');
    expect(await allKeys({ unit: 'kommune-0301' })).toEqual(expected((c) => c.units.some((u: Rec) => oslo.has(u.unit))));
    expect(await allKeys({ unit: 'bydel-alna', includeSubunits: false })).toEqual(
      expected((c) => c.units.some((u: Rec) => u.unit === 'bydel-alna')),
    );
  });

  it('filters by topic including narrower topics, or the topic alone', async () => {
    const helse = subtree('topics', 'helse');
    expect(await allKeys({ topic: 'helse' })).toEqual(expected((c) => c.topics.some((t: string) => helse.has(t))));
    expect(await allKeys({ topic: 'helse', includeNarrower: false })).toEqual(expected((c) => c.topics.includes('helse')));
  });

  it('filters by kind, axis, status, agreement and person', async () => {
    expect(await allKeys({ kind: ['PHD_PROJECT', 'PUBLIC_SECTOR_PHD'] })).toEqual(
      expected((c) => c.kind === 'PHD_PROJECT' || c.kind === 'PUBLIC_SECTOR_PHD'),
    );
    expect(await allKeys({ axis: ['WORKFORCE_MOBILITY'] })).toEqual(expected((c) => c.axes.includes('WORKFORCE_MOBILITY')));
    expect(await allKeys({ status: ['PLANNED'] })).toEqual(expected((c) => c.status === 'PLANNED'));
    const agreement = data.collaborations!.find((c) => c.agreement)!.agreement;
    expect(await allKeys({ agreement })).toEqual(expected((c) => c.agreement === agreement));
    const person = data.collaborations![5]!.people[0].person;
    expect(await allKeys({ person })).toEqual(expected((c) => c.people.some((p: Rec) => p.person === person)));
  });

  it('filters by activeOn (open ends count, cancelled never) and by period overlap', async () => {
    const day = '2021-06-15';
    expect(await allKeys({ activeOn: day })).toEqual(
      expected((c) => c.status !== 'CANCELLED' && (!c.startDate || c.startDate <= day) && (!c.endDate || c.endDate >= day)),
    );
    const [from, to] = ['2020-01-01', '2020-12-31'];
    expect(await allKeys({ periodFrom: from, periodTo: to })).toEqual(
      expected((c) => (!c.startDate || c.startDate <= to) && (!c.endDate || c.endDate >= from)),
    );
  });

  it('filters by free text over title, summary and keywords, word beginnings included, æøå kept', async () => {
    const words = (c: Rec) => normalizeText([c.title, c.summary ?? '', ...(c.keywords ?? [])].join(' ')).match(/[\p{L}\p{N}]+/gu) ?? [];
    const has = (c: Rec, prefix: string) => words(c).some((w) => w.startsWith(prefix));
    const got = await allKeys({ text: 'Språk' });
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected((c) => has(c, 'språk')));
    expect(await allKeys({ text: 'språk barnehage' })).toEqual(expected((c) => has(c, 'språk') && has(c, 'barnehage')));
    // "sprak" without å is another word: folding å away would conflate different words.
    expect(await allKeys({ text: 'sprak' })).toEqual(expected((c) => has(c, 'sprak')));
  });

  it('combines conditions', async () => {
    const oslo = subtree('units', 'kommune-0301');
    expect(await allKeys({ unit: 'kommune-0301', status: ['COMPLETED'], kind: ['RESEARCH_PROJECT'] })).toEqual(
      expected((c) => c.units.some((u: Rec) => oslo.has(u.unit)) && c.status === 'COMPLETED' && c.kind === 'RESEARCH_PROJECT'),
    );
  });

  it('names the filter field when a reference is unknown', async () => {
    const res = await server.gql(`{ collaborations(filter: { unit: "bydel-x" }) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('filter.unit: unknown unit "bydel-x"');
    const topic = await server.gql(`{ collaborations(filter: { topic: "no-such-topic" }) { totalCount } }`);
    expect(topic.errors?.[0]?.message).toBe('filter.topic: unknown topic "no-such-topic"');
  });

  it('rejects an impossible period and malformed dates', async () => {
    const res = await server.gql(`{ collaborations(filter: { periodFrom: "2021-01-01", periodTo: "2020-01-01" }) { totalCount } }`);
    expect(res.errors?.[0]?.message).toBe('filter.periodTo: must not be before periodFrom');
    const bad = await server.gql(`{ collaborations(filter: { activeOn: "2021-02-30" }) { totalCount } }`);
    // Written in the document, the date is named with its type and its place in the document.
    expect(bad.errors?.map((e) => [e.extensions?.code, e.message, e.locations])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Expected value of type "Date", found "2021-02-30"; must be a calendar date written YYYY-MM-DD', [{ line: 1, column: 38 }]],
    ]);
    const notText = await server.gql(`{ whoWorksWith(unit: "kommune-0301", topic: "helse", activeOn: 2021) { collaborations { score } } }`);
    expect(notText.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Expected value of type "Date", found 2021; must be a calendar date written YYYY-MM-DD'],
    ]);
    // Given by variable, it is named by the variable.
    const byVariable = await server.gql(`query($d: Date) { collaborations(filter: { activeOn: $d }) { totalCount } }`, { d: '2021-13-45' });
    expect(byVariable.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Variable "$d" got invalid value "2021-13-45"; Date must be a calendar date written YYYY-MM-DD, got "2021-13-45"'],
    ]);
  });
});

describe('pagination', () => {
  const page = (args: string) =>
    server.gql(`{ collaborations${args ? `(${args})` : ''} { totalCount edges { cursor node { key } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);

  it('defaults to 20, allows 100, refuses more with a clear error', async () => {
    expect((await page('')).data.collaborations.edges).toHaveLength(20);
    expect((await page('first: 100')).data.collaborations.edges).toHaveLength(100);
    const tooMany = await page('first: 101');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toBe('first: must be at most 100 (was 101); page with after/before');
    expect((await page('first: -1')).errors?.[0]?.message).toBe('first: must not be negative (was -1)');
    expect((await page('first: 0')).data.collaborations).toMatchObject({ edges: [], totalCount: 2000 });
  });

  it('walks forward and backward with cursors in a stable order', async () => {
    const all = expected(() => true);
    const first = (await page('first: 5')).data.collaborations;
    expect(first.edges.map((e: Rec) => e.node.key)).toEqual(all.slice(0, 5));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await page(`first: 5, after: "${first.pageInfo.endCursor}"`)).data.collaborations;
    expect(second.edges.map((e: Rec) => e.node.key)).toEqual(all.slice(5, 10));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const back = (await page(`last: 5, before: "${second.pageInfo.startCursor}"`)).data.collaborations;
    expect(back.edges.map((e: Rec) => e.node.key)).toEqual(all.slice(0, 5));
    expect(back.pageInfo.hasPreviousPage).toBe(false);
    const tail = (await page(`last: 3`)).data.collaborations;
    expect(tail.edges.map((e: Rec) => e.node.key)).toEqual(all.slice(-3));
  });

  it('orders by a nullable date with stable keyset paging across pages', async () => {
    const sorted = [...data.collaborations!].sort((a, b) =>
      (b.startDate ?? '').localeCompare(a.startDate ?? '') || (a.key < b.key ? 1 : -1),
    );
    const keys: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res: any = await server.gql(
        `query($after: String) { collaborations(first: 100, after: $after, orderBy: { field: START_DATE, direction: DESC }) { pageInfo { endCursor } nodes { key startDate } } }`,
        { after },
      );
      keys.push(...res.data.collaborations.nodes.map((n: Rec) => n.key));
      after = res.data.collaborations.pageInfo.endCursor;
    }
    expect(new Set(keys).size).toBe(300);
    const startDates = keys.map((k) => data.collaborations!.find((c) => c.key === k)!.startDate ?? '');
    expect(startDates).toEqual(sorted.slice(0, 300).map((c) => c.startDate ?? ''));
  });

  it('refuses a cursor it did not issue and first with last', async () => {
    expect((await page('after: "not-a-cursor"')).errors?.[0]?.message).toBe('after: "not-a-cursor" is not a cursor of this list');
    expect((await page('first: 2, last: 2')).errors?.[0]?.message).toBe('last: give either first or last, not both');
  });
});

describe('statement count (no N+1)', () => {
  const query = (n: number) => `{
    collaborations(first: ${n}) {
      totalCount
      nodes {
        key
        units { role unit { name parent { name } } }
        people { role person { name affiliations { role unit { name } } } }
        topics { label }
        agreement { title parties { name } }
      }
    }
  }`;

  it('costs the same small number of SQL statements for 100 collaborations as for 10', async () => {
    const ten = await server.gql(query(10));
    const hundred = await server.gql(query(100));
    expect(ten.errors).toBeUndefined();
    expect(hundred.data.collaborations.nodes).toHaveLength(100);
    const [a, b] = [ten.extensions!.diagnostics.sqlStatements, hundred.extensions!.diagnostics.sqlStatements];
    expect(b).toBe(a);
    expect(b).toBeLessThanOrEqual(12);
    expect(hundred.extensions!.diagnostics.durationMs).toBeGreaterThan(0);
  });
});
