import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

const version = async (key: string) => (await server.gql(`{ collaboration(key: "${key}") { version } }`)).data.collaboration.version;

describe('soft delete and restore', () => {
  it('makes a deleted collaboration vanish everywhere, keeps its key taken, and restores it with its relations', async () => {
    const before = (await server.gql(`{ collaboration(key: "c-000002") { id title units { unit { key } } people { person { key } } topics { key } } }`)).data.collaboration;
    const total = (await server.gql(`{ collaborations { totalCount } }`)).data.collaborations.totalCount;
    const deleted = await server.gql(`mutation { collaborationDelete(input: { id: "c-000002", version: ${await version('c-000002')} }) { deletedId userErrors { message } } }`);
    expect(deleted.data.collaborationDelete).toEqual({ deletedId: before.id, userErrors: [] });

    const gone = await server.gql(`query($id: ID!) { collaboration(key: "c-000002") { key } node(id: $id) { id } collaborations { totalCount }
      search: collaborations(filter: { text: "trygghetsteknologi" }) { nodes { key } } overlapReport(first: 100, filter: { unit: "bydel-ostensjo" }) { nodes { a { key } b { key } } } exportRegistry }`, { id: before.id });
    expect(gone.data.collaboration).toBeNull();
    expect(gone.data.node).toBeNull();
    expect(gone.data.collaborations.totalCount).toBe(total - 1);
    expect(gone.data.search.nodes).not.toContainEqual({ key: 'c-000002' });
    expect(JSON.stringify(gone.data.overlapReport)).not.toContain('c-000002');
    expect(gone.data.exportRegistry.collaborations.map((c: { key: string }) => c.key)).not.toContain('c-000002');

    const reuse = await server.gql(`mutation { collaborationCreate(input: { key: "c-000002", title: "T", kind: OTHER, units: [{ unit: "bydel-alna", role: HOST }] }) { userErrors { field code message } } }`);
    expect(reuse.data.collaborationCreate.userErrors).toEqual([
      { field: 'key', code: 'DUPLICATE_KEY', message: 'the key "c-000002" belongs to a deleted collaboration; restore it (recordRestore) or choose another key' },
    ]);
    const reimport = await server.gql(`mutation($s: JSON!) { importRegistry(snapshot: $s) { userErrors { field code } } }`, {
      s: { format: 'collaboration-registry', version: 1, collaborations: [{ key: 'c-000002', title: 'T', kind: 'OTHER', units: [{ unit: 'bydel-alna', role: 'HOST' }] }] },
    });
    expect(reimport.data.importRegistry.userErrors).toEqual([{ field: 'collaborations[0] (c-000002).key', code: 'DUPLICATE_KEY' }]);

    const restored = await server.gql(`mutation($id: ID!) { recordRestore(input: { id: $id }) { record { id ... on Collaboration { key title units { unit { key } } people { person { key } } topics { key } } } userErrors { message } } }`, { id: before.id });
    expect(restored.data.recordRestore.userErrors).toEqual([]);
    expect(restored.data.recordRestore.record).toEqual({ id: before.id, key: 'c-000002', title: before.title, units: before.units, people: before.people, topics: before.topics });
    const back = await server.gql(`{ search: collaborations(filter: { text: "trygghetsteknologi" }) { nodes { key } } collaboration(key: "c-000002") { history { nodes { action } } } }`);
    expect(back.data.search.nodes).toContainEqual({ key: 'c-000002' });
    expect(back.data.collaboration.history.nodes.map((n: { action: string }) => n.action).slice(0, 2)).toEqual(['RESTORE', 'DELETE']);
    const again = await server.gql(`mutation($id: ID!) { recordRestore(input: { id: $id }) { userErrors { code message } } }`, { id: before.id });
    expect(again.data.recordRestore.userErrors).toEqual([{ code: 'INVALID', message: 'id: the collaboration "c-000002" is not deleted'.replace('id: ', '') }]);
  });

  it('lets a parent go once only deleted records refer to it, and restores in dependency order', async () => {
    const parent = (await server.gql(`mutation { collaborationCreate(input: { key: "p1", title: "Parent", kind: OTHER, units: [{ unit: "bydel-alna", role: HOST }] }) { collaboration { id } } }`)).data.collaborationCreate.collaboration.id;
    const child = (await server.gql(`mutation { collaborationCreate(input: { key: "p1-child", title: "Child", kind: OTHER, parent: "p1", units: [{ unit: "bydel-alna", role: HOST }] }) { collaboration { id } } }`)).data.collaborationCreate.collaboration.id;
    expect((await server.gql(`mutation { collaborationDelete(input: { id: "p1", version: 1 }) { userErrors { code } } }`)).data.collaborationDelete.userErrors).toEqual([{ code: 'IN_USE' }]);
    await server.gql(`mutation { collaborationDelete(input: { id: "p1-child", version: 1 }) { userErrors { code } } }`);
    expect((await server.gql(`mutation { collaborationDelete(input: { id: "p1", version: 1 }) { userErrors { code } } }`)).data.collaborationDelete.userErrors).toEqual([]);
    const early = await server.gql(`mutation($id: ID!) { recordRestore(input: { id: $id }) { userErrors { message } } }`, { id: child });
    expect(early.data.recordRestore.userErrors[0].message).toBe('it refers to deleted records; restore them first: collaboration "p1"');
    for (const id of [parent, child]) {
      expect((await server.gql(`mutation($id: ID!) { recordRestore(input: { id: $id }) { userErrors { message } } }`, { id })).data.recordRestore.userErrors).toEqual([]);
    }
    expect((await server.gql(`{ collaboration(key: "p1") { children { key } } }`)).data.collaboration.children).toEqual([{ key: 'p1-child' }]);
  });

  it('restores for ADMIN only', async () => {
    const coordinator = await server.token('COORDINATOR');
    const res = await server.gqlAs(coordinator, `mutation { recordRestore(input: { id: "x" }) { userErrors { message } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('personal data rights', () => {
  it('erases a person in the record and the history, keeping where they took part', async () => {
    const person = (await server.gql(`{ people(first: 1, filter: { text: "p-00001" }) { nodes { id key name email collaborations { totalCount } } } }`)).data.people.nodes[0];
    await server.gql(`mutation($id: ID!) { personUpdate(input: { id: $id, version: 1, phone: "+47 99 99 99 99" }) { userErrors { message } } }`, { id: person.id });
    const exported = (await server.gql(`query($id: ID!) { personExport(id: $id) }`, { id: person.id })).data.personExport;
    expect(exported.person).toMatchObject({ key: person.key, name: person.name, email: person.email, phone: '+47 99 99 99 99' });
    expect(exported.collaborations.length).toBe(person.collaborations.totalCount);
    expect(JSON.stringify(exported.history)).toContain('+47 99 99 99 99');

    const erased = await server.gql(`mutation($id: ID!) { personErase(input: { id: $id }) { person { name email phone title } userErrors { message } } }`, { id: person.id });
    expect(erased.data.personErase).toEqual({ person: { name: '[erased person]', email: null, phone: null, title: null }, userErrors: [] });
    const after = (await server.gql(`query($id: ID!) { personExport(id: $id) }`, { id: person.id })).data.personExport;
    const text = JSON.stringify(after);
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(person.email);
    expect(text).not.toContain('+47 99 99 99 99');
    expect(after.collaborations.length).toBe(person.collaborations.totalCount);
    expect(after.history.map((h: { action: string }) => h.action)).toEqual(['CREATE', 'UPDATE', 'ERASE']);
    const viewer = await server.token('VIEWER');
    expect((await server.gqlAs(viewer, `query($id: ID!) { personExport(id: $id) }`, { id: person.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("replaces the person's keys, the old ones too, wherever the registry and its history name them", async () => {
    const created = await server.gql(`mutation { personCreate(input: { key: "sigrunnhild-tveitaberg", name: "Sigrunnhild Tveitaberg", email: "sigrunnhild@example.org" }) { person { id } userErrors { message } } }`);
    const id = created.data.personCreate.person.id;
    expect((await server.gql(`mutation($id: ID!) { personUpdate(input: { id: $id, version: 1, key: "sigrunnhild-tveitaberg-uio" }) { userErrors { message } } }`, { id })).data.personUpdate.userErrors).toEqual([]);
    const collaboration = (await server.gql(`{ collaboration(key: "c-000003") { id version } }`)).data.collaboration;
    const added = await server.gql(`mutation($c: ID!, $v: Int!) { collaborationPersonAdd(input: { id: $c, version: $v, person: "sigrunnhild-tveitaberg-uio", role: CONTACT }) { userErrors { message } } }`, {
      c: collaboration.id,
      v: collaboration.version,
    });
    expect(added.data.collaborationPersonAdd.userErrors).toEqual([]);
    const agreement = (await server.gql(`{ agreements(first: 1) { nodes { id version } } }`)).data.agreements.nodes[0];
    const contact = await server.gql(`mutation($a: ID!, $v: Int!) { agreementUpdate(input: { id: $a, version: $v, contacts: [{ person: "sigrunnhild-tveitaberg-uio", role: "kontakt" }] }) { userErrors { message } } }`, {
      a: agreement.id,
      v: agreement.version,
    });
    expect(contact.data.agreementUpdate.userErrors).toEqual([]);

    const erased = await server.gql(`mutation($id: ID!) { personErase(input: { id: $id }) { person { id key name } userErrors { message } } }`, { id });
    const key = erased.data.personErase.person.key;
    expect(erased.data.personErase).toEqual({ person: { id, key: expect.stringMatching(/^erased-person-\d+$/), name: '[erased person]' }, userErrors: [] });

    const history = `changes { field before after } recordKey`;
    const everything = await server.gql(
      `query($id: ID!, $c: ID!, $a: ID!) {
        byOldKey: person(key: "sigrunnhild-tveitaberg-uio") { id } byNewKey: person(key: "${key}") { id }
        search: people(filter: { text: "sigrunnhild" }) { nodes { key } }
        collaboration(id: $c) { people { person { key } } }
        personLog: auditLog(first: 100, filter: { record: $id }) { nodes { ${history} } }
        collaborationLog: auditLog(first: 100, filter: { record: $c }) { nodes { ${history} } }
        agreementLog: auditLog(first: 100, filter: { record: $a }) { nodes { ${history} } }
        personExport(id: $id) exportRegistry }`,
      { id, c: collaboration.id, a: agreement.id },
    );
    expect(everything.errors).toBeUndefined();
    expect(everything.data.byOldKey).toBeNull();
    expect(everything.data.byNewKey).toEqual({ id });
    expect(everything.data.search.nodes).toEqual([]);
    expect(everything.data.collaboration.people.map((p: { person: { key: string } }) => p.person.key)).toContain(key);
    const text = JSON.stringify(everything.data);
    for (const gone of ['sigrunnhild-tveitaberg', 'Sigrunnhild', 'sigrunnhild@example.org']) expect(text).not.toContain(gone);
    // The history still says what happened, under the new key.
    expect(everything.data.personLog.nodes.map((n: { recordKey: string }) => n.recordKey)).toEqual([key, key, key]);
    expect(JSON.stringify(everything.data.collaborationLog.nodes)).toContain(`"person":"${key}"`);
    expect(JSON.stringify(everything.data.agreementLog.nodes)).toContain(`"person":"${key}"`);
    // Nothing is left of the changes of personal data but that there were some, and erasing again changes nothing.
    for (const entry of everything.data.personLog.nodes) for (const change of entry.changes) expect(change.before).not.toEqual(change.after);
    const again = await server.gql(`mutation($id: ID!) { personErase(input: { id: $id }) { person { key } userErrors { message } } }`, { id });
    expect(again.data.personErase).toEqual({ person: { key }, userErrors: [] });
  });

  it("leaves the history of someone who took over one of the person's earlier keys as theirs", async () => {
    const create = async (key: string) => (await server.gql(`mutation { personCreate(input: { key: "${key}", name: "Rune Rekkevik" }) { person { id version } userErrors { message } } }`)).data.personCreate.person;
    const join = async (collaboration: string, person: string) => {
      const { id, version } = (await server.gql(`{ collaboration(key: "${collaboration}") { id version } }`)).data.collaboration;
      const added = await server.gql(`mutation($c: ID!, $v: Int!) { collaborationPersonAdd(input: { id: $c, version: $v, person: "${person}", role: CONTACT }) { userErrors { message } } }`, { c: id, v: version });
      expect(added.data.collaborationPersonAdd.userErrors).toEqual([]);
      return id;
    };
    const first = await create('rune-r');
    const firstWork = await join('c-000004', 'rune-r');
    expect((await server.gql(`mutation($id: ID!) { personUpdate(input: { id: $id, version: 1, key: "rune-r-ntnu" }) { userErrors { message } } }`, { id: first.id })).data.personUpdate.userErrors).toEqual([]);
    // Another person is given the key the first let go.
    await create('rune-r');
    const secondWork = await join('c-000005', 'rune-r');

    const erased = (await server.gql(`mutation($id: ID!) { personErase(input: { id: $id }) { person { key } } }`, { id: first.id })).data.personErase.person.key;
    const log = async (record: string) =>
      JSON.stringify((await server.gql(`query($id: ID!) { auditLog(first: 100, filter: { record: $id }) { nodes { changes { field before after } } } }`, { id: record })).data.auditLog.nodes);
    expect(await log(firstWork)).toContain(`"person":"${erased}"`);
    expect(await log(firstWork)).not.toContain('"person":"rune-r"');
    expect(await log(secondWork)).toContain('"person":"rune-r"');
    expect(await log(secondWork)).not.toContain(erased);
    expect((await server.gql('{ person(key: "rune-r") { name } }')).data.person).toEqual({ name: 'Rune Rekkevik' });
  });
});
