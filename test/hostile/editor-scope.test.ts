import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
let editor: string;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
  editor = await server.token('EDITOR', ['bydel-alna']);
});
afterAll(() => server.close());

const as = (query: string, variables?: Record<string, unknown>) => server.gqlAs(editor, query, variables);
const collaboration = async (key: string) => (await server.gql(`{ collaboration(key: "${key}") { id version units { unit { key } } } }`)).data.collaboration;
const unit = async (key: string) => (await server.gql(`{ unit(key: "${key}") { id version key parent { key } } }`)).data.unit;

/** A refused change: FORBIDDEN with this message, and the registry exactly as before. */
async function refused(run: () => Promise<{ errors?: { message: string; extensions?: { code?: string } }[] }>, message: string) {
  const before = await server.snapshot();
  const res = await run();
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(res.errors?.[0]?.message).toBe(message);
  expect(await server.snapshot()).toEqual(before);
}

describe("an EDITOR's scope is checked on the result of every change", () => {
  it('cannot add an outside unit and then remove its own, leaving a collaboration wholly outside its scope', async () => {
    // c-000124: a UiS department and Bydel Alna.
    const c = await collaboration('c-000124');
    const added = await as(`mutation($i: CollaborationUnitAddInput!) { collaborationUnitAdd(input: $i) { collaboration { version } userErrors { message } } }`, {
      i: { id: c.id, version: c.version, unit: 'bydel-sagene', role: 'PARTNER' },
    });
    expect(added.errors).toBeUndefined();
    await refused(
      () => as(`mutation($i: CollaborationUnitRemoveInput!) { collaborationUnitRemove(input: $i) { collaboration { version } } }`, { i: { id: c.id, version: added.data.collaborationUnitAdd.collaboration.version, unit: 'bydel-alna' } }),
      'After the change the collaboration would involve no unit in the token’s unit scope.',
    );
    await refused(
      () => as(`mutation($i: CollaborationUpdateInput!) { collaborationUpdate(input: $i) { collaboration { version } } }`, {
        i: { id: c.id, version: added.data.collaborationUnitAdd.collaboration.version, units: [{ unit: 'bydel-sagene', role: 'PARTNER' }] },
      }),
      'After the change the collaboration would involve no unit in the token’s unit scope.',
    );
  });

  it('cannot make a unit in its scope a root unit, nor move it out of its scope', async () => {
    const alna = await unit('bydel-alna');
    await refused(
      () => as(`mutation($i: UnitUpdateInput!) { unitUpdate(input: $i) { unit { key } } }`, { i: { id: alna.id, version: alna.version, parent: null } }),
      'An EDITOR cannot make a unit a root unit.',
    );
    const child = (await server.gql(`{ unit(key: "bydel-alna") { children { key } } }`)).data.unit.children[0].key as string;
    const inner = await unit(child);
    await refused(
      () => as(`mutation($i: UnitUpdateInput!) { unitUpdate(input: $i) { unit { key } } }`, { i: { id: inner.id, version: inner.version, parent: null } }),
      'An EDITOR cannot make a unit a root unit.',
    );
    await refused(
      () => as(`mutation($i: UnitUpdateInput!) { unitUpdate(input: $i) { unit { key } } }`, { i: { id: inner.id, version: inner.version, parent: 'bydel-sagene' } }),
      'The parent unit lies outside the token’s unit scope.',
    );
  });

  it('rights stay with the unit: renaming its key keeps them, a new unit given an old key gets none', async () => {
    const admin = (q: string, v?: Record<string, unknown>) => server.gql(q, v);
    const alna = await unit('bydel-alna');
    const renamed = await admin(`mutation($i: UnitUpdateInput!) { unitUpdate(input: $i) { unit { key version } userErrors { message } } }`, { i: { id: alna.id, version: alna.version, key: 'bydel-alna-ny' } });
    expect(renamed.data.unitUpdate.userErrors).toEqual([]);
    const tokens = await admin(`{ apiTokens { name unitScope } }`);
    expect(tokens.data.apiTokens.filter((t: any) => t.unitScope.length).map((t: any) => t.unitScope)).toContainEqual(['bydel-alna-ny']);
    // The editor still edits Alna's collaborations under its new key.
    const c = await collaboration('c-000124');
    const edited = await as(`mutation($i: CollaborationUpdateInput!) { collaborationUpdate(input: $i) { collaboration { version } userErrors { message } } }`, { i: { id: c.id, version: c.version, summary: 'Endret av bydelen' } });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.collaborationUpdate.userErrors).toEqual([]);
    // A new unit with the old key is not in the scope.
    const created = await admin(`mutation { unitCreate(input: { key: "bydel-alna", name: "Ny enhet", kind: DISTRICT, parent: "kommune-0301" }) { unit { key } userErrors { message } } }`);
    expect(created.data.unitCreate.userErrors).toEqual([]);
    await refused(
      () => as(`mutation { collaborationCreate(input: { key: "x-outside", title: "Utenfor", kind: ANALYSIS, units: [{ unit: "bydel-alna", role: PARTNER }] }) { collaboration { key } } }`),
      'After the change the collaboration would involve no unit in the token’s unit scope.',
    );
  });

  it('legitimate changes inside the scope still work', async () => {
    const res = await as(`mutation { unitCreate(input: { key: "alna-ny-tjeneste", name: "Ny tjeneste", kind: MUNICIPAL_SERVICE, parent: "bydel-alna-ny" }) { unit { key parent { key } } userErrors { message } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.unitCreate.unit).toEqual({ key: 'alna-ny-tjeneste', parent: { key: 'bydel-alna-ny' } });
  });
});
