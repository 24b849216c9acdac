import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
});
afterAll(() => server.close());

const MERGE = `mutation($input: CollaborationMergeInput!) { collaborationMerge(input: $input) {
  collaboration { key version units { role unit { key } } people { role person { key } } topics { key } links keywords funding { sourceName amountNok } children { key } }
  userErrors { field code message } } }`;
const CREATE = `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { id key version } userErrors { field message } } }`;
const RESTORE = `mutation($id: ID!) { recordRestore(input: { id: $id }) { record { id } userErrors { field code message } } }`;
const STATE = `query($key: String!) { collaboration(key: $key) { id key version title units { role unit { key } } people { role person { key } } topics { key } links keywords funding { sourceName amountNok } children { key } } }`;

async function create(input: Record<string, unknown>) {
  const res = await server.gql(CREATE, { input: { kind: 'RESEARCH_PROJECT', ...input } });
  expect(res.data.collaborationCreate.userErrors).toEqual([]);
  return res.data.collaborationCreate.collaboration as { id: string; key: string; version: number };
}
const state = async (key: string) => (await server.gql(STATE, { key })).data.collaboration;
const person = async (key: string) => {
  const res = await server.gql(`mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { key } userErrors { message } } }`, { input: { key, name: key } });
  return res.data.personCreate.person.key as string;
};

describe('collaborationMerge', () => {
  it('moves what the removed record had to the kept one, deletes it, and its key and id then lead to the kept one; restore undoes it', async () => {
    const [p1, p2] = [await person('merge-person-1'), await person('merge-person-2')];
    const keep = await create({
      key: 'recovery-drammen',
      title: 'Recovery-orientert praksis i Drammen',
      units: [{ unit: 'kommune-3301', role: 'LEAD' }],
      people: [{ person: p1, role: 'PROJECT_LEADER' }],
      topics: ['psykisk-helse-rus'],
      links: ['https://example.no/a'],
      keywords: ['recovery'],
    });
    const remove = await create({
      key: 'usn-recovery',
      title: 'Recoveryorientert praksis – Drammen kommune (USN-registrering)',
      units: [{ unit: 'kommune-3301', role: 'LEAD' }, { unit: 'usn', role: 'PARTNER' }],
      people: [{ person: p2, role: 'RESEARCHER' }],
      topics: ['psykisk-helse-rus', 'tjenesteutvikling'],
      links: ['https://example.no/b'],
      keywords: ['recovery', 'brukermedvirkning'],
      funding: [{ sourceName: 'Forskningsrådet', amountNok: 500000 }],
    });
    const child = await create({ key: 'usn-recovery-del-1', title: 'Delprosjekt', parent: remove.key, units: [{ unit: 'usn', role: 'LEAD' }] });
    const childState = async () => (await server.gql(`query($id: ID!) { node(id: $id) { ... on Collaboration { version parent { key } } } }`, { id: child.id })).data.node;
    const childHistory = async () =>
      (await server.gql(`query($id: ID!) { auditLog(first: 5, filter: { record: $id }) { nodes { action actor changes { field before after } } } }`, { id: child.id })).data.auditLog.nodes;
    await server.gql(`mutation { overlapReview(input: { a: "usn-recovery", b: "unikom-oslo-evu-helsesykepleiere", decision: KNOWN }) { userErrors { message } } }`);
    const duplicateReview = async (a: string, b: string, decision: string) =>
      expect((await server.gql(`mutation { duplicateReview(input: { a: "${a}", b: "${b}", decision: ${decision} }) { userErrors { message } } }`)).data.duplicateReview.userErrors).toEqual([]);
    await duplicateReview('usn-recovery', 'unikom-oslo-pilot', 'NOT_DUPLICATE');
    await duplicateReview('usn-recovery', 'recovery-drammen', 'DUPLICATE');
    const keptBefore = await state(keep.key);

    const res = await server.gql(MERGE, { input: { keep: keep.key, keepVersion: keep.version, remove: remove.id, removeVersion: remove.version } });
    expect(res.data.collaborationMerge.userErrors).toEqual([]);
    expect(res.data.collaborationMerge.collaboration).toEqual({
      key: 'recovery-drammen',
      version: keep.version + 1,
      units: [{ role: 'LEAD', unit: { key: 'kommune-3301' } }, { role: 'PARTNER', unit: { key: 'usn' } }],
      people: [{ role: 'PROJECT_LEADER', person: { key: p1 } }, { role: 'RESEARCHER', person: { key: p2 } }],
      topics: [{ key: 'psykisk-helse-rus' }, { key: 'tjenesteutvikling' }],
      links: ['https://example.no/a', 'https://example.no/b'],
      keywords: ['recovery', 'brukermedvirkning'],
      funding: [{ sourceName: 'Forskningsrådet', amountNok: 500000 }],
      children: [{ key: child.key }],
    });
    // The removed record's key and global id lead to the survivor; lists no longer show it.
    expect((await state('usn-recovery')).key).toBe('recovery-drammen');
    expect((await server.gql(`query($id: ID!) { node(id: $id) { ... on Collaboration { key } } }`, { id: remove.id })).data.node).toEqual({ key: 'recovery-drammen' });
    const titles = await server.gql(`{ collaborations(first: 5, filter: { text: "registrering" }) { nodes { key } } }`);
    expect(titles.data.collaborations.nodes).toEqual([]);
    const reviewedWith = async (key: string, table = 'overlap_review') =>
      (
        await server.dataSource.query(
          `SELECT o.key AS other, r.decision AS decision FROM ${table} r JOIN collaboration c ON c.id IN (r.a_id, r.b_id) JOIN collaboration o ON o.id IN (r.a_id, r.b_id) AND o.id <> c.id WHERE c.key = '${key}' ORDER BY o.key`,
        )
      ).map((r: { other: string; decision: string }) => `${r.other} ${r.decision}`);
    expect(await reviewedWith('recovery-drammen')).toEqual(['unikom-oslo-evu-helsesykepleiere KNOWN']);
    // Duplicate reviews move too, but the decision on the pair merged stays with the pair.
    expect(await reviewedWith('recovery-drammen', 'duplicate_review')).toEqual(['unikom-oslo-pilot NOT_DUPLICATE', 'usn-recovery DUPLICATE']);
    const history = await server.gql(`query($id: ID!) { auditLog(first: 5, filter: { record: $id }) { nodes { action changes { field after } } } }`, { id: remove.id });
    const merged = history.data.auditLog.nodes.find((e: { action: string }) => e.action === 'MERGE');
    expect(merged.changes).toContainEqual({ field: 'mergedInto', after: 'recovery-drammen' });
    // The sub-collaboration moved is a changed record too: a new version and its own history entry.
    expect(await childState()).toEqual({ version: child.version + 1, parent: { key: 'recovery-drammen' } });
    expect(await childHistory()).toEqual([{ action: 'UPDATE', actor: 'test-admin-1', changes: [{ field: 'parent', before: 'usn-recovery', after: 'recovery-drammen' }] }, { action: 'CREATE', actor: 'test-admin-1', changes: expect.any(Array) }]);

    const undone = await server.gql(RESTORE, { id: remove.id });
    expect(undone.data.recordRestore.userErrors).toEqual([]);
    const keptAfter = await state(keep.key);
    expect({ ...keptAfter, version: 0 }).toEqual({ ...keptBefore, version: 0 });
    const back = await state('usn-recovery');
    expect(back.key).toBe('usn-recovery');
    expect(back.units).toEqual([{ role: 'LEAD', unit: { key: 'kommune-3301' } }, { role: 'PARTNER', unit: { key: 'usn' } }]);
    expect(back.funding).toEqual([{ sourceName: 'Forskningsrådet', amountNok: 500000 }]);
    expect(back.children).toEqual([{ key: child.key }]);
    expect(await childState()).toEqual({ version: child.version + 2, parent: { key: 'usn-recovery' } });
    expect((await childHistory())[0]).toEqual({ action: 'UPDATE', actor: 'test-admin-1', changes: [{ field: 'parent', before: 'recovery-drammen', after: 'usn-recovery' }] });
    expect(await reviewedWith('recovery-drammen')).toEqual([]);
    expect(await reviewedWith('usn-recovery')).toEqual(['unikom-oslo-evu-helsesykepleiere KNOWN']);
    expect(await reviewedWith('recovery-drammen', 'duplicate_review')).toEqual(['usn-recovery DUPLICATE']);
    expect(await reviewedWith('usn-recovery', 'duplicate_review')).toEqual(['recovery-drammen DUPLICATE', 'unikom-oslo-pilot NOT_DUPLICATE']);
  });

  it('refuses what is not a merge, naming the field, and leaves the data exactly as it was', async () => {
    const a = await create({ key: 'merge-a', title: 'A', units: [{ unit: 'bydel-alna', role: 'LEAD' }] });
    const b = await create({ key: 'merge-b', title: 'B', units: [{ unit: 'bydel-alna', role: 'LEAD' }], parent: 'merge-a' });
    const before = await server.snapshot();
    const attempt = async (input: Record<string, unknown>, token: string | null = server.adminToken) =>
      server.gqlAs(token, MERGE, { input: { keep: a.key, keepVersion: a.version, remove: b.key, removeVersion: b.version, ...input } });
    const errors = async (input: Record<string, unknown>) => (await attempt(input)).data.collaborationMerge.userErrors;
    expect(await errors({ keep: 'finnes-ikke' })).toEqual([{ field: 'keep', code: 'NOT_FOUND', message: 'no collaboration "finnes-ikke"' }]);
    expect(await errors({ remove: a.key, removeVersion: a.version })).toEqual([{ field: 'remove', code: 'INVALID', message: 'is the collaboration to keep' }]);
    expect(await errors({})).toEqual([{ field: 'remove', code: 'INVALID', message: '"merge-b" lies inside "merge-a": a part and its whole are not duplicates' }]);
    const c = await create({ key: 'merge-c', title: 'C', units: [{ unit: 'bydel-alna', role: 'LEAD' }] });
    const stale = (field: string, version: number) => ({ field, code: 'CONFLICT', message: `the collaboration changed since version ${version} (now version 1); reload and try again` });
    expect(await errors({ remove: c.key, removeVersion: c.version + 5 })).toEqual([stale('removeVersion', c.version + 5)]);
    expect(await errors({ keep: c.key, keepVersion: c.version + 2, remove: a.key, removeVersion: a.version })).toEqual([stale('keepVersion', c.version + 2)]);
    expect(await errors({ keepVersion: a.version + 1, remove: c.key, removeVersion: c.version + 1 })).toEqual([stale('keepVersion', a.version + 1), stale('removeVersion', c.version + 1)]);
    expect(await errors({ remove: c.key, removeVersion: 0 })).toEqual([{ field: 'removeVersion', code: 'INVALID', message: expect.any(String) }]);
    const wrongType = await server.gql(MERGE, { input: { keep: a.key, keepVersion: 'one', remove: c.key, removeVersion: 1 } });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await attempt({ remove: c.key, removeVersion: c.version }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await attempt({ remove: c.key, removeVersion: c.version }, await server.token('EDITOR', ['bydel-alna']))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await server.gql(`mutation($id: ID!, $v: Int!) { collaborationDelete(input: { id: $id, version: $v }) { userErrors { message } } }`, { id: c.id, v: c.version });
    const deleted = await errors({ remove: c.id, removeVersion: c.version });
    expect(deleted).toEqual([{ field: 'remove', code: 'NOT_FOUND', message: expect.stringContaining('no collaboration') }]);
    const after = (await server.snapshot()) as { collaborations: { key: string }[] };
    expect({ ...after, collaborations: after.collaborations.filter((x) => x.key !== 'merge-c') }).toEqual(before);
  });

  it('lets a COORDINATOR undo a merge by restoring the record it removed; every other restore stays with ADMIN', async () => {
    const coordinator = await server.token('COORDINATOR');
    const a = await create({ key: 'undo-a', title: 'Angre A', units: [{ unit: 'bydel-alna', role: 'LEAD' }] });
    const b = await create({ key: 'undo-b', title: 'Angre B', units: [{ unit: 'bydel-grorud', role: 'LEAD' }] });
    const merged = await server.gqlAs(coordinator, MERGE, { input: { keep: a.key, keepVersion: a.version, remove: b.key, removeVersion: b.version } });
    expect(merged.data.collaborationMerge.userErrors).toEqual([]);
    const c = await create({ key: 'undo-c', title: 'Angre C', units: [{ unit: 'bydel-alna', role: 'LEAD' }] });
    await server.gql(`mutation($id: ID!, $v: Int!) { collaborationDelete(input: { id: $id, version: $v }) { userErrors { message } } }`, { id: c.id, v: c.version });

    const before = await server.snapshot();
    const editor = await server.token('EDITOR', ['bydel-grorud']);
    expect((await server.gqlAs(editor, RESTORE, { id: b.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gqlAs(null, RESTORE, { id: b.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A record deleted, not merged, and ids that are no collaboration's: ADMIN only, as before.
    for (const id of [c.id, 'finnes-ikke', a.id]) {
      expect((await server.gqlAs(coordinator, RESTORE, { id })).errors?.[0]).toMatchObject({
        message: 'Restoring records other than a collaboration a merge removed needs the ADMIN role (this token is COORDINATOR)',
        extensions: { code: 'FORBIDDEN' },
      });
    }
    expect(await server.snapshot()).toEqual(before);

    const undone = await server.gqlAs(coordinator, RESTORE, { id: b.id });
    expect(undone.data.recordRestore).toEqual({ record: { id: b.id }, userErrors: [] });
    expect((await state('undo-b')).units).toEqual([{ role: 'LEAD', unit: { key: 'bydel-grorud' } }]);
    expect((await state('undo-a')).units).toEqual([{ role: 'LEAD', unit: { key: 'bydel-alna' } }]);
    const history = await server.gql(`query($id: ID!) { auditLog(first: 1, filter: { record: $id }) { nodes { action actor } } }`, { id: b.id });
    expect(history.data.auditLog.nodes).toEqual([{ action: 'RESTORE', actor: expect.stringMatching(/^test-coordinator-/) }]);
    // Restored, it is an ordinary record again: a second restore is not the COORDINATOR's either.
    expect((await server.gqlAs(coordinator, RESTORE, { id: b.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a merge whose lists would pass their maximum', async () => {
    const topics = ((await server.gql(`{ topics(first: 30) { nodes { key } } }`)).data.topics.nodes as { key: string }[]).map((t) => t.key);
    const a = await create({ key: 'many-a', title: 'Mange tema A', units: [{ unit: 'bydel-alna', role: 'LEAD' }], topics: topics.slice(0, 12) });
    const b = await create({ key: 'many-b', title: 'Mange tema B', units: [{ unit: 'bydel-alna', role: 'LEAD' }], topics: topics.slice(12, 23) });
    const res = await server.gql(MERGE, { input: { keep: a.key, keepVersion: a.version, remove: b.key, removeVersion: b.version } });
    expect(res.data.collaborationMerge.userErrors).toEqual([{ field: 'remove', code: 'TOO_LONG', message: 'together they would have 23 topics; a collaboration has at most 20' }]);
    expect((await state('many-b')).key).toBe('many-b');
  });
});
