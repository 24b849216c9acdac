import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
let viewer: string;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
  viewer = await server.token('VIEWER');
});
afterAll(() => server.close());

const findPeople = async (token: string | null, text: string) => {
  const res = await server.gqlAs(token, `query($text: String!) { people(first: 100, filter: { text: $text }) { totalCount nodes { key name } } }`, { text });
  expect(res.errors).toBeUndefined();
  return res.data.people as { totalCount: number; nodes: { key: string; name: string }[] };
};

describe('text search matches only what the caller may read', () => {
  it('an anonymous caller cannot find anyone by e-mail, nor rebuild an address letter by letter', async () => {
    // p-00001 is "Bjørn Hansen", bjorn.hansen.1@oslomet.example.no
    for (const probe of ['oslomet.example', 'bjorn.hansen.1@', 'hansen.1', '.no', 'example.no']) {
      expect(await findPeople(null, probe)).toEqual({ totalCount: 0, nodes: [] });
    }
    // The walk an attacker would make from the part only the address has ("bjorn" without ø) answers nothing.
    const address = 'bjorn.hansen.1@oslomet.example.no';
    for (let length = 'bjorn'.length; length <= address.length; length++) {
      expect((await findPeople(null, address.slice(0, length))).nodes.map((n) => n.key)).not.toContain('p-00001');
    }
  });

  it('anyone finds people by name, title and key', async () => {
    const byName = await findPeople(null, 'Bjørn Hansen');
    expect(byName.nodes.map((n) => n.key)).toContain('p-00001');
    expect((await findPeople(null, 'p-00001')).nodes.map((n) => n.key)).toEqual(['p-00001']);
    expect((await findPeople(null, 'stipendiat')).totalCount).toBeGreaterThan(0);
  });

  it('a token holder, who may read e-mail addresses, also finds people by them', async () => {
    const found = await findPeople(viewer, 'bjorn.hansen.1@oslomet.example.no');
    expect(found.nodes.map((n) => n.key)).toEqual(['p-00001']);
  });

  it('LIKE wildcards in search text are taken literally, on every LIKE search path', async () => {
    // Wildcards alone have no letter or digit: refused everywhere (search-input.test.ts). Beside a word, literal.
    for (const wildcard of ['%hansen', 'hansen%', '_jørn', 'oslo_', '%%bydel', 'helse\\']) {
      expect(await findPeople(viewer, wildcard)).toEqual({ totalCount: 0, nodes: [] });
      const units = await server.gqlAs(null, `query($text: String!) { units(first: 5, filter: { text: $text }) { totalCount } }`, { text: wildcard });
      expect(units.data.units.totalCount).toBe(0);
      const topics = await server.gqlAs(null, `query($text: String!) { topics(first: 5, filter: { text: $text }) { totalCount } }`, { text: wildcard });
      expect(topics.data.topics.totalCount).toBe(0);
    }
    // "b_rn" would match "bjørn" with `_` as a wildcard.
    expect(await findPeople(null, 'bj_rn hansen')).toEqual({ totalCount: 0, nodes: [] });
  });

  it('e-mail addresses written before this rule are no longer in the search text after migration', async () => {
    const rows: { search_text: string }[] = await server.dataSource.query(`SELECT search_text FROM person WHERE key = 'p-00001'`);
    expect(rows[0]!.search_text).not.toContain('@');
    expect(rows[0]!.search_text).toContain('bjørn hansen');
  });
});
