import { rawQuery } from '../../src/db/sql';
import { readState, tablesOf } from '../../src/modules/analysis/analysis.store';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('concurrent writes', () => {
  it('transactions that overlap in time commit or roll back each on its own (SQLite has one connection for all of them)', async () => {
    const ds = server.dataSource;
    const marked = async () => (await rawQuery<{ target_id: unknown }>(ds.manager, `SELECT target_id FROM analysis_change WHERE kind = 'test'`)).map((r) => Number(r.target_id)).sort();
    // The first waits on something outside the database before it fails; the second begins and commits meanwhile.
    const failing = ds.transaction(async (em) => {
      await rawQuery(em, `INSERT INTO analysis_change (kind, target_id) VALUES ('test', 1)`);
      await sleep(50);
      throw new Error('refused');
    });
    await sleep(10);
    const committed = ds.transaction((em) => rawQuery(em, `INSERT INTO analysis_change (kind, target_id) VALUES ('test', 2)`));
    await expect(failing).rejects.toThrow('refused');
    await committed;
    expect(await marked()).toEqual([2]);
    await rawQuery(ds.manager, `DELETE FROM analysis_change WHERE kind = 'test'`);
  });

  it('a refused write never takes a committed one with it, nor leaves half of itself, in the registry or its analysis', async () => {
    // An EDITOR of Bydel Alna: a collaboration elsewhere is refused at the very end of its transaction, after
    // everything else of it was written (the scope is checked on the result).
    const editor = await server.token('EDITOR', ['bydel-alna']);
    const create = (i: number) =>
      server.gqlAs(editor, `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { key } userErrors { field code } } }`, {
        input: { key: `concurrent-${i}`, title: `Samtidig skrevet ${i}`, kind: 'NETWORK', units: [{ unit: i % 2 ? 'bydel-frogner' : 'bydel-alna', role: 'PARTNER' }, { unit: 'oslomet', role: 'LEAD' }] },
      });
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => create(i)));
    const refused = results.filter((r) => r.errors?.length);
    expect(refused).toHaveLength(8);
    for (const r of refused) expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const stored = await server.gql(`{ collaborations(first: 100, filter: { text: "samtidig" }) { nodes { key units { unit { key } } } } }`);
    const keys = stored.data.collaborations.nodes.map((c: any) => c.key).sort();
    expect(keys).toEqual(Array.from({ length: 8 }, (_, i) => `concurrent-${i * 2}`).sort());
    for (const c of stored.data.collaborations.nodes) expect(c.units.map((u: any) => u.unit.key).sort()).toEqual(['bydel-alna', 'oslomet']);
    const orphans = await server.dataSource.query(`SELECT COUNT(*) AS n FROM collaboration_unit WHERE collaboration_id NOT IN (SELECT id FROM collaboration)`);
    expect(Number(orphans[0].n)).toBe(0);
    const { collaborations } = tablesOf((await readState(server.dataSource.manager)).generation);
    const analysed = await server.dataSource.query(`SELECT c.key AS key FROM ${collaborations} a JOIN collaboration c ON c.id = a.collaboration_id WHERE c.key LIKE 'concurrent-%'`);
    expect(analysed.map((r: any) => r.key).sort()).toEqual(keys);
  });
});
