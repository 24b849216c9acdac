import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
let editor: string;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
  editor = await server.token('COORDINATOR');
});
afterAll(() => server.close());

const history = (key: string) =>
  server.gql(`{ collaboration(key: "${key}") { history(first: 10) { totalCount nodes { actor action recordType recordKey recordId changes { field before after } } } } }`);

describe('audit history', () => {
  it('records who changed which fields of which record, from before to after', async () => {
    const token = (await server.gql(`{ apiTokens { name role } }`)).data.apiTokens.find((t: any) => t.role === 'COORDINATOR').name;
    const created = await server.gqlAs(editor, `mutation { collaborationCreate(input: { key: "audit-1", title: "Første", kind: NETWORK, units: [{ unit: "bydel-alna", role: HOST }] }) { collaboration { id } userErrors { message } } }`);
    const id = created.data.collaborationCreate.collaboration.id;
    await server.gqlAs(editor, `mutation { collaborationUpdate(input: { id: "audit-1", version: 1, title: "Andre", keywords: ["nytt"] }) { userErrors { message } } }`);
    await server.gqlAs(editor, `mutation { collaborationUnitAdd(input: { id: "audit-1", version: 2, unit: "oslomet", role: LEAD }) { userErrors { message } } }`);
    const entries = (await history('audit-1')).data.collaboration.history;
    expect(entries.totalCount).toBe(3);
    const [unitAdd, update, create] = entries.nodes;
    expect(create).toMatchObject({ actor: token, action: 'CREATE', recordType: 'Collaboration', recordKey: 'audit-1', recordId: id });
    expect(create.changes).toContainEqual({ field: 'title', before: null, after: 'Første' });
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: 'Første', after: 'Andre' },
        { field: 'keywords', before: null, after: ['nytt'] },
      ]),
    );
    expect(update.changes).toHaveLength(2);
    expect(unitAdd.changes).toEqual([
      { field: 'units', before: [{ unit: 'bydel-alna', role: 'HOST' }], after: [{ unit: 'bydel-alna', role: 'HOST' }, { unit: 'oslomet', role: 'LEAD' }] },
    ]);
    await server.gqlAs(editor, `mutation { collaborationDelete(input: { id: "audit-1", version: 3 }) { userErrors { message } } }`);
    const log = await server.gql(`query($id: ID!) { auditLog(filter: { record: $id }) { nodes { action changes { field } } } }`, { id });
    expect(log.data.auditLog.nodes[0].action).toBe('DELETE');
  });

  it('writes nothing for a refused change', async () => {
    const before = (await server.gql(`{ auditLog { totalCount } }`)).data.auditLog.totalCount;
    const refused = await server.gqlAs(editor, `mutation { unitCreate(input: { key: "x", name: "X", kind: DISTRICT, parent: "nope" }) { userErrors { code } } }`);
    expect(refused.data.unitCreate.userErrors).toEqual([{ code: 'UNKNOWN_REFERENCE' }]);
    expect((await server.gql(`{ auditLog { totalCount } }`)).data.auditLog.totalCount).toBe(before);
  });

  it('records imports and command-line changes with their actor, and filters by actor and time', async () => {
    const start = new Date(Date.now() - 1000).toISOString();
    const snapshot = { format: 'collaboration-registry', version: 1, topics: [{ key: 'audit-topic', label: 'Revisjon' }] };
    await server.gql(`mutation($s: JSON!) { importRegistry(snapshot: $s) { userErrors { message } } }`, { s: snapshot });
    const admin = (await server.gql(`{ apiTokens { name role } }`)).data.apiTokens.find((t: any) => t.role === 'ADMIN').name;
    const byAdmin = await server.gql(`query($a: String, $f: DateTimeISO) { auditLog(filter: { actor: $a, from: $f }) { nodes { action recordType recordKey changes { field after } } } }`, { a: admin, f: start });
    expect(byAdmin.data.auditLog.nodes).toContainEqual({ action: 'CREATE', recordType: 'Topic', recordKey: 'audit-topic', changes: expect.arrayContaining([{ field: 'label', after: 'Revisjon' }]) });
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: server.databaseUrl };
    const file = path.join(server.dir, 'change.json');
    require('node:fs').writeFileSync(file, JSON.stringify({ ...snapshot, topics: [{ key: 'audit-topic', label: 'Revisjon 2' }] }));
    await run(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'registry.js'), 'import', file], { env });
    const byCli = await server.gql(`{ auditLog(filter: { actor: "cli" }) { nodes { action recordKey changes { field before after } } } }`);
    expect(byCli.data.auditLog.nodes).toEqual([{ action: 'UPDATE', recordKey: 'audit-topic', changes: [{ field: 'label', before: 'Revisjon', after: 'Revisjon 2' }] }]);
    const seeded = await server.gql(`{ auditLog(first: 1, filter: { actor: "seed" }) { totalCount } }`);
    expect(seeded.data.auditLog.totalCount).toBeGreaterThan(50);
    const future = await server.gql(`{ auditLog(filter: { from: "2999-01-01T00:00:00Z" }) { totalCount } }`);
    expect(future.data.auditLog.totalCount).toBe(0);
  });

  it('is closed to anonymous callers on every path', async () => {
    expect((await server.gqlAs(null, `{ auditLog { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const nested = await server.gqlAs(null, `{ unit(key: "bydel-alna") { name history { totalCount } } }`);
    expect(nested.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(nested.data.unit).toEqual({ name: 'Bydel Alna', history: null });
  });
});
