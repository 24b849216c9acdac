import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;

const payload = `userErrors { field code message }`;

async function mutate(name: string, inputType: string, input: unknown, selection: string) {
  const res = await server.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} ${payload} } }`, { input });
  expect(res.errors).toBeUndefined();
  return res.data[name];
}

/** Runs a mutation that must be refused, and checks that it changed nothing at all. */
async function refused(name: string, inputType: string, input: unknown, field: string | null, code: string, message?: string) {
  const before = await server.snapshot();
  const result = await mutate(name, inputType, input, '');
  expect(result.userErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code, ...(message ? { message } : {}) })]));
  expect(await server.snapshot()).toEqual(before);
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('topics', () => {
  it('creates, reads, updates with the version, and deletes', async () => {
    const root = await mutate('topicCreate', 'TopicCreateInput', { key: 'helse', label: 'Helse og omsorg', labelEn: 'Health' }, 'topic { id key version label labelEn synonyms parent { key } }');
    expect(root.userErrors).toEqual([]);
    expect(root.topic).toMatchObject({ key: 'helse', version: 1, label: 'Helse og omsorg', synonyms: [], parent: null });
    const child = await mutate('topicCreate', 'TopicCreateInput', { key: 'demens', label: 'Demensomsorg', parent: root.topic.id, synonyms: ['demens'] }, 'topic { id parent { key } }');
    expect(child.topic.parent.key).toBe('helse');

    const read = await server.gql(`{ topic(key: "helse") { narrower { key } broader { key } } t: topic(id: "${child.topic.id}") { broader { key } } }`);
    expect(read.data).toEqual({ topic: { narrower: [{ key: 'demens' }], broader: [] }, t: { broader: [{ key: 'helse' }] } });

    const updated = await mutate('topicUpdate', 'TopicUpdateInput', { id: 'helse', version: 1, labelEn: null, synonyms: ['omsorg'] }, 'topic { version labelEn synonyms label }');
    expect(updated.topic).toEqual({ version: 2, labelEn: null, synonyms: ['omsorg'], label: 'Helse og omsorg' });

    await refused('topicUpdate', 'TopicUpdateInput', { id: 'helse', version: 1, label: 'Stale' }, 'version', 'CONFLICT');
    await refused('topicUpdate', 'TopicUpdateInput', { id: 'helse', version: 2, parent: 'demens' }, 'parent', 'CYCLE');
    await refused('topicUpdate', 'TopicUpdateInput', { id: 'helse', version: 2, parent: 'helse' }, 'parent', 'CYCLE');
    await refused('topicDelete', 'TopicDeleteInput', { id: 'helse', version: 2 }, 'id', 'IN_USE');

    const deleted = await mutate('topicDelete', 'TopicDeleteInput', { id: child.topic.id, version: 1 }, 'deletedId');
    expect(deleted).toEqual({ deletedId: child.topic.id, userErrors: [] });
    expect((await server.gql(`{ topic(key: "demens") { key } }`)).data.topic).toBeNull();
  });

  it('refuses bad topic input and changes nothing', async () => {
    await refused('topicCreate', 'TopicCreateInput', { key: 'helse', label: 'Duplicate' }, 'key', 'DUPLICATE_KEY');
    await refused('topicCreate', 'TopicCreateInput', { key: 'has space', label: 'X' }, 'key', 'INVALID');
    await refused('topicCreate', 'TopicCreateInput', { key: 'x', label: '' }, 'label', 'REQUIRED');
    await refused('topicCreate', 'TopicCreateInput', { key: 'x', label: 'a'.repeat(301) }, 'label', 'TOO_LONG');
    await refused('topicCreate', 'TopicCreateInput', { key: 'x', label: 'X', parent: 'nope' }, 'parent', 'UNKNOWN_REFERENCE', 'unknown topic "nope"');
    await refused('topicUpdate', 'TopicUpdateInput', { id: 'nope', version: 1 }, 'id', 'NOT_FOUND');
    await refused('topicDelete', 'TopicDeleteInput', { id: 'nope', version: 1 }, 'id', 'NOT_FOUND');
  });
});

describe('units', () => {
  it('creates a tree, derives the sector from the kind unless set, and validates identifiers', async () => {
    const oslo = await mutate(
      'unitCreate',
      'UnitCreateInput',
      { key: 'oslo', name: 'Oslo kommune', kind: 'MUNICIPALITY', identifiers: { municipalityNumber: '0301', orgNumber: '958935420' } },
      'unit { id sector identifiers { municipalityNumber orgNumber districtNumber } }',
    );
    expect(oslo.unit).toMatchObject({ sector: 'MUNICIPAL', identifiers: { municipalityNumber: '0301', orgNumber: '958935420', districtNumber: null } });
    const alna = await mutate('unitCreate', 'UnitCreateInput', { key: 'alna', name: 'Bydel Alna', kind: 'DISTRICT', parent: 'oslo', identifiers: { districtNumber: '030112' } }, 'unit { parent { key } ancestors { key } }');
    expect(alna.unit).toEqual({ parent: { key: 'oslo' }, ancestors: [{ key: 'oslo' }] });
    const board = await mutate('unitCreate', 'UnitCreateInput', { key: 'board', name: 'Styringsgruppe', kind: 'GOVERNANCE_BODY', sector: 'MUNICIPAL' }, 'unit { sector version }');
    expect(board.unit).toEqual({ sector: 'MUNICIPAL', version: 1 });
    const reset = await mutate('unitUpdate', 'UnitUpdateInput', { id: 'board', version: 1, sector: null, kind: 'UNIVERSITY' }, 'unit { sector kind version }');
    expect(reset.unit).toEqual({ sector: 'ACADEMIC', kind: 'UNIVERSITY', version: 2 });
    expect((await server.gql(`{ unit(key: "oslo") { children { key } } }`)).data.unit.children).toEqual([{ key: 'alna' }]);
  });

  it('refuses bad unit input and changes nothing', async () => {
    await refused('unitCreate', 'UnitCreateInput', { key: 'u1', name: 'U', kind: 'MUNICIPALITY', identifiers: { orgNumber: '958935421' } }, 'identifiers.orgNumber', 'INVALID', 'must be a Norwegian organisation number: 9 digits with a valid mod-11 check digit');
    await refused('unitCreate', 'UnitCreateInput', { key: 'u1', name: 'U', kind: 'MUNICIPALITY', identifiers: { municipalityNumber: '301' } }, 'identifiers.municipalityNumber', 'INVALID');
    await refused('unitCreate', 'UnitCreateInput', { key: 'u1', name: 'U', kind: 'DISTRICT', identifiers: { districtNumber: '03011' } }, 'identifiers.districtNumber', 'INVALID');
    await refused('unitCreate', 'UnitCreateInput', { key: 'u1', name: 'U', kind: 'DISTRICT', website: 'not a url' }, 'website', 'INVALID');
    await refused('unitCreate', 'UnitCreateInput', { key: 'u1', name: 'U', kind: 'DISTRICT', parent: 'bydel-x' }, 'parent', 'UNKNOWN_REFERENCE', 'unknown unit "bydel-x"');
    await refused('unitUpdate', 'UnitUpdateInput', { id: 'oslo', version: 1, parent: 'alna' }, 'parent', 'CYCLE');
    await refused('unitUpdate', 'UnitUpdateInput', { id: 'oslo', version: 1, key: 'alna' }, 'key', 'DUPLICATE_KEY');
    await refused('unitDelete', 'UnitDeleteInput', { id: 'oslo', version: 1 }, 'id', 'IN_USE');
    await refused('unitDelete', 'UnitDeleteInput', { id: 'alna', version: 7 }, 'version', 'CONFLICT');
  });

  it('rejects wrong GraphQL types before anything runs', async () => {
    const res = await server.gql(`mutation { unitCreate(input: { key: "x", name: "X", kind: NOT_A_KIND }) { userErrors { field } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain('NOT_A_KIND');
    const wrongType = await server.gql(`mutation($i: UnitCreateInput!) { unitCreate(input: $i) { userErrors { field } } }`, { i: { key: 'x', name: 5, kind: 'OTHER' } });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0]?.message).toContain('name');
  });
});

describe('people', () => {
  it('creates a person with a combined position in a municipal and an academic unit', async () => {
    await mutate('unitCreate', 'UnitCreateInput', { key: 'oslomet', name: 'OsloMet', kind: 'UNIVERSITY' }, 'unit { key }');
    const created = await mutate(
      'personCreate',
      'PersonCreateInput',
      {
        key: 'p1',
        name: 'Kari Nordmann',
        email: 'kari@example.no',
        affiliations: [
          { unit: 'alna', role: 'Kombinasjonsstilling', from: '2020-01-01' },
          { unit: 'oslomet', role: 'Kombinasjonsstilling', from: '2020-01-01', to: '2022-12-31' },
        ],
      },
      'person { id version affiliations { role from to unit { key sector } } }',
    );
    expect(created.person.affiliations).toEqual([
      { role: 'Kombinasjonsstilling', from: '2020-01-01', to: null, unit: { key: 'alna', sector: 'MUNICIPAL' } },
      { role: 'Kombinasjonsstilling', from: '2020-01-01', to: '2022-12-31', unit: { key: 'oslomet', sector: 'ACADEMIC' } },
    ]);
    const people = await server.gql(`{ people(filter: { unit: "oslo" }) { totalCount nodes { key } } byText: people(filter: { text: "NORDMANN" }) { totalCount } }`);
    expect(people.data).toEqual({ people: { totalCount: 1, nodes: [{ key: 'p1' }] }, byText: { totalCount: 1 } });
    const updated = await mutate('personUpdate', 'PersonUpdateInput', { id: 'p1', version: 1, affiliations: [{ unit: 'oslomet' }], phone: '+47 22 00 00 00' }, 'person { version phone affiliations { unit { key } } }');
    expect(updated.person).toEqual({ version: 2, phone: '+47 22 00 00 00', affiliations: [{ unit: { key: 'oslomet' } }] });
  });

  it('refuses bad person input and changes nothing', async () => {
    await refused('personCreate', 'PersonCreateInput', { key: 'p2', name: 'X', email: 'not-an-email', affiliations: [] }, 'email', 'INVALID');
    await refused('personCreate', 'PersonCreateInput', { key: 'p2', name: 'X', affiliations: [{ unit: 'nope' }] }, 'affiliations[0].unit', 'UNKNOWN_REFERENCE');
    await refused('personCreate', 'PersonCreateInput', { key: 'p2', name: 'X', affiliations: [{ unit: 'alna', from: '2022-01-01', to: '2021-01-01' }] }, 'affiliations[0].to', 'INVALID', 'must not be before from');
    await refused('personUpdate', 'PersonUpdateInput', { id: 'p1', version: 1, name: 'Stale' }, 'version', 'CONFLICT');
  });
});

describe('agreements', () => {
  it('creates an agreement with parties, focus topics, contacts and a parent', async () => {
    const framework = await mutate(
      'agreementCreate',
      'AgreementCreateInput',
      { key: 'a1', title: 'Universitetskommuneavtale', kind: 'FRAMEWORK', parties: ['oslo', 'oslomet'], anchoring: 'POLITICAL', validFrom: '2021-01-01', validTo: '2024-12-31', focusTopics: ['helse'], contacts: [{ person: 'p1', role: 'avtalekoordinator' }] },
      'agreement { id version parties { key } focusTopics { key } contacts { role person { key } } }',
    );
    expect(framework.agreement).toMatchObject({ version: 1, parties: [{ key: 'oslo' }, { key: 'oslomet' }], focusTopics: [{ key: 'helse' }], contacts: [{ role: 'avtalekoordinator', person: { key: 'p1' } }] });
    const practice = await mutate('agreementCreate', 'AgreementCreateInput', { key: 'a2', title: 'Praksisavtale', kind: 'PRACTICE', parties: ['alna', 'oslomet'], parent: 'a1' }, 'agreement { parent { key } }');
    expect(practice.agreement.parent.key).toBe('a1');
    const list = await server.gql(`{ agreements(filter: { party: "oslo", validOn: "2022-01-01" }) { nodes { key subAgreements { key } } } all: agreements(filter: { party: "oslo", includeSubunits: true }) { totalCount } }`);
    expect(list.data).toEqual({ agreements: { nodes: [{ key: 'a1', subAgreements: [{ key: 'a2' }] }] }, all: { totalCount: 2 } });
  });

  it('refuses bad agreement input and changes nothing', async () => {
    await refused('agreementCreate', 'AgreementCreateInput', { key: 'a3', title: 'T', kind: 'OTHER', parties: ['oslo'] }, 'parties', 'REQUIRED', 'must name at least two parties');
    await refused('agreementCreate', 'AgreementCreateInput', { key: 'a3', title: 'T', kind: 'OTHER', parties: ['oslo', 'x'] }, 'parties[1]', 'UNKNOWN_REFERENCE');
    await refused('agreementCreate', 'AgreementCreateInput', { key: 'a3', title: 'T', kind: 'OTHER', parties: ['oslo', 'alna'], validFrom: '2022-01-01', validTo: '2021-01-01' }, 'validTo', 'INVALID');
    await refused('agreementUpdate', 'AgreementUpdateInput', { id: 'a1', version: 1, parent: 'a2' }, 'parent', 'CYCLE');
    await refused('agreementDelete', 'AgreementDeleteInput', { id: 'a1', version: 1 }, 'id', 'IN_USE');
  });
});

describe('collaborations', () => {
  const full = `collaboration { id key version status title axes keywords links startDate endDate
    units { role unit { key } } people { role person { key } } topics { key } agreement { key } parent { key } children { key }
    funding { sourceName amountNok source { key } } }`;

  it('creates with every field of the snapshot format, updates, and adds/removes participants and topics', async () => {
    const created = await mutate(
      'collaborationCreate',
      'CollaborationCreateInput',
      {
        key: 'c1', title: 'Språkutvikling i barnehagen', summary: 'Arbeidsgruppe', kind: 'WORKING_GROUP', axes: ['MEETING_PLACES'],
        topics: ['helse'], keywords: ['språk'], startDate: '2020-01-01', agreement: 'a1',
        units: [{ unit: 'alna', role: 'PARTNER' }, { unit: 'oslomet', role: 'LEAD' }],
        people: [{ person: 'p1', role: 'PROJECT_LEADER' }],
        funding: [{ source: 'oslomet', amountNok: 100000 }, { sourceName: 'Strategiske midler' }],
        links: ['https://example.org/unikom'],
      },
      full,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.collaboration).toMatchObject({
      version: 1, status: 'ACTIVE', endDate: null, axes: ['MEETING_PLACES'], keywords: ['språk'],
      units: [{ role: 'PARTNER', unit: { key: 'alna' } }, { role: 'LEAD', unit: { key: 'oslomet' } }],
      people: [{ role: 'PROJECT_LEADER', person: { key: 'p1' } }], topics: [{ key: 'helse' }], agreement: { key: 'a1' },
      funding: [{ source: { key: 'oslomet' }, amountNok: 100000, sourceName: null }, { source: null, amountNok: null, sourceName: 'Strategiske midler' }],
    });
    const child = await mutate('collaborationCreate', 'CollaborationCreateInput', { key: 'c2', title: 'Delprosjekt', kind: 'ANALYSIS', parent: 'c1', units: [{ unit: 'alna', role: 'HOST' }] }, 'collaboration { parent { key } }');
    expect(child.collaboration.parent.key).toBe('c1');

    const updated = await mutate('collaborationUpdate', 'CollaborationUpdateInput', { id: created.collaboration.id, version: 1, status: 'COMPLETED', endDate: '2021-12-31', agreement: null }, 'collaboration { version status endDate agreement { key } children { key } }');
    expect(updated.collaboration).toEqual({ version: 2, status: 'COMPLETED', endDate: '2021-12-31', agreement: null, children: [{ key: 'c2' }] });

    const added = await mutate('collaborationUnitAdd', 'CollaborationUnitAddInput', { id: 'c1', version: 2, unit: 'oslo', role: 'OBSERVER' }, 'collaboration { version units { role unit { key } } }');
    expect(added.collaboration.version).toBe(3);
    expect(added.collaboration.units).toContainEqual({ role: 'OBSERVER', unit: { key: 'oslo' } });
    const removed = await mutate('collaborationUnitRemove', 'CollaborationUnitRemoveInput', { id: 'c1', version: 3, unit: 'oslo' }, 'collaboration { version units { unit { key } } }');
    expect(removed.collaboration.units.map((u: any) => u.unit.key)).toEqual(['alna', 'oslomet']);
    const person = await mutate('collaborationPersonAdd', 'CollaborationPersonAddInput', { id: 'c1', version: 4, person: 'p1', role: 'CONTACT' }, 'collaboration { people { role } }');
    expect(person.collaboration.people.map((p: any) => p.role)).toEqual(['PROJECT_LEADER', 'CONTACT']);
    const lessPeople = await mutate('collaborationPersonRemove', 'CollaborationPersonRemoveInput', { id: 'c1', version: 5, person: 'p1', role: 'PROJECT_LEADER' }, 'collaboration { people { role } }');
    expect(lessPeople.collaboration.people).toEqual([{ role: 'CONTACT' }]);
    const topic = await mutate('collaborationTopicRemove', 'CollaborationTopicRemoveInput', { id: 'c1', version: 6, topic: 'helse' }, 'collaboration { topics { key } }');
    expect(topic.collaboration.topics).toEqual([]);
    const back = await mutate('collaborationTopicAdd', 'CollaborationTopicAddInput', { id: 'c1', version: 7, topic: 'helse' }, 'collaboration { version topics { key } }');
    expect(back.collaboration).toEqual({ version: 8, topics: [{ key: 'helse' }] });

    const nested = await server.gql(`{ unit(key: "oslo") { collaborations { totalCount } } person(key: "p1") { collaborations { nodes { key } } } agreement(key: "a1") { collaborations { totalCount } } topic(key: "helse") { collaborations { nodes { key } } } }`);
    expect(nested.data).toEqual({ unit: { collaborations: { totalCount: 2 } }, person: { collaborations: { nodes: [{ key: 'c1' }] } }, agreement: { collaborations: { totalCount: 0 } }, topic: { collaborations: { nodes: [{ key: 'c1' }] } } });
    expect((await server.gql(`{ collaborations(filter: { text: "språkutvikling" }) { nodes { key } } }`)).data.collaborations.nodes).toEqual([{ key: 'c1' }]);
  });

  it('refuses bad collaboration input and changes nothing', async () => {
    const base = { key: 'c9', title: 'T', kind: 'OTHER', units: [{ unit: 'alna', role: 'PARTNER' }] };
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, units: [] }, 'units', 'REQUIRED', 'must name at least one unit');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, units: [{ unit: 'bydel-x', role: 'PARTNER' }] }, 'units[0].unit', 'UNKNOWN_REFERENCE', 'unknown unit "bydel-x"');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, startDate: '2021-05-01', endDate: '2021-04-30' }, 'endDate', 'INVALID', 'must not be before startDate');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, topics: ['helse', 'helse'] }, 'topics[1]', 'INVALID');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, people: [{ person: 'nobody', role: 'CONTACT' }] }, 'people[0].person', 'UNKNOWN_REFERENCE');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, links: ['javascript:alert(1)'] }, 'links', 'INVALID');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, funding: [{ amountNok: -5 }] }, 'funding[0].amountNok', 'INVALID');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, funding: [{}] }, 'funding[0]', 'REQUIRED');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, key: 'c1' }, 'key', 'DUPLICATE_KEY');
    await refused('collaborationCreate', 'CollaborationCreateInput', { ...base, title: 'x'.repeat(501) }, 'title', 'TOO_LONG');
    await refused('collaborationUpdate', 'CollaborationUpdateInput', { id: 'c1', version: 8, parent: 'c2' }, 'parent', 'CYCLE');
    await refused('collaborationUpdate', 'CollaborationUpdateInput', { id: 'c1', version: 8, startDate: '2022-01-01' }, 'startDate', 'INVALID');
    await refused('collaborationUpdate', 'CollaborationUpdateInput', { id: 'c1', version: 1, title: 'Stale' }, 'version', 'CONFLICT');
    await refused('collaborationUnitAdd', 'CollaborationUnitAddInput', { id: 'c1', version: 8, unit: 'oslo' }, 'role', 'REQUIRED');
    await refused('collaborationUnitAdd', 'CollaborationUnitAddInput', { id: 'c1', version: 8, unit: 'alna', role: 'PARTNER' }, 'unit', 'INVALID');
    await refused('collaborationUnitRemove', 'CollaborationUnitRemoveInput', { id: 'c2', version: 1, unit: 'alna' }, 'unit', 'INVALID', 'a collaboration must keep at least one unit');
    await refused('collaborationPersonRemove', 'CollaborationPersonRemoveInput', { id: 'c1', version: 8, person: 'p1', role: 'SUPERVISOR' }, 'person', 'NOT_FOUND');
    await refused('collaborationTopicAdd', 'CollaborationTopicAddInput', { id: 'c1', version: 8, topic: 'helse' }, 'topic', 'INVALID');
    await refused('collaborationDelete', 'CollaborationDeleteInput', { id: 'c1', version: 8 }, 'id', 'IN_USE');
    await refused('personDelete', 'PersonDeleteInput', { id: 'p1', version: 2 }, 'id', 'IN_USE');
  });

  it('deletes a collaboration and its search entry', async () => {
    const deleted = await mutate('collaborationDelete', 'CollaborationDeleteInput', { id: 'c2', version: 1 }, 'deletedId');
    expect(deleted.userErrors).toEqual([]);
    expect((await server.gql(`{ collaboration(key: "c2") { key } }`)).data.collaboration).toBeNull();
    const c1 = await mutate('collaborationDelete', 'CollaborationDeleteInput', { id: 'c1', version: 8 }, 'deletedId');
    expect(c1.userErrors).toEqual([]);
    expect((await server.gql(`{ collaborations(filter: { text: "språkutvikling" }) { totalCount } }`)).data.collaborations.totalCount).toBe(0);
  });
});

describe('updatedAt', () => {
  it('moves on with every update of every record type (the version claim set it, and save wrote the old one back)', async () => {
    const created = {
      topic: await mutate('topicCreate', 'TopicCreateInput', { key: 'tid-topic', label: 'Tid' }, 'topic { id version updatedAt }'),
      unit: await mutate('unitCreate', 'UnitCreateInput', { key: 'tid-unit', name: 'Tid kommune', kind: 'MUNICIPALITY' }, 'unit { id version updatedAt }'),
      university: await mutate('unitCreate', 'UnitCreateInput', { key: 'tid-uni', name: 'Tid universitet', kind: 'UNIVERSITY' }, 'unit { id }'),
      person: await mutate('personCreate', 'PersonCreateInput', { key: 'tid-person', name: 'Tid Tidsen' }, 'person { id version updatedAt }'),
      agreement: await mutate('agreementCreate', 'AgreementCreateInput', { key: 'tid-agreement', title: 'Tidsavtale', kind: 'FRAMEWORK', parties: ['tid-unit', 'tid-uni'] }, 'agreement { id version updatedAt }'),
      collaboration: await mutate('collaborationCreate', 'CollaborationCreateInput', { key: 'tid-c', title: 'Tidsprosjekt', kind: 'NETWORK', units: [{ unit: 'tid-unit', role: 'LEAD' }] }, 'collaboration { id version updatedAt }'),
    };
    for (const [type, result] of Object.entries(created)) expect([type, result.userErrors]).toEqual([type, []]);
    // SQLite keeps whole seconds.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const edits: [Exclude<keyof typeof created, 'university'>, string, string, Record<string, unknown>][] = [
      ['topic', 'topicUpdate', 'TopicUpdateInput', { label: 'Tid 2' }],
      ['unit', 'unitUpdate', 'UnitUpdateInput', { name: 'Tid kommune 2' }],
      ['person', 'personUpdate', 'PersonUpdateInput', { name: 'Tid Tidsen 2' }],
      ['agreement', 'agreementUpdate', 'AgreementUpdateInput', { title: 'Tidsavtale 2' }],
      ['collaboration', 'collaborationUpdate', 'CollaborationUpdateInput', { title: 'Tidsprosjekt 2' }],
    ];
    for (const [type, name, inputType, change] of edits) {
      const before = created[type][type] as { id: string; version: number; updatedAt: string };
      const after = (await mutate(name, inputType, { id: before.id, version: before.version, ...change }, `${type} { version updatedAt }`))[type];
      expect([type, after.version, Date.parse(after.updatedAt) > Date.parse(before.updatedAt)]).toEqual([type, before.version + 1, true]);
    }
  });
});

describe('lookups and node', () => {
  it('finds any record by global id through node/nodes, and by id or key through lookups', async () => {
    const unit = (await server.gql(`{ unit(key: "oslo") { id } }`)).data.unit;
    const res = await server.gql(`query($id: ID!) { node(id: $id) { id ... on Unit { key } } nodes(ids: [$id, "bogus"]) { id } byId: unit(id: $id) { key } byKeyAsId: unit(id: "oslo") { key } }`, { id: unit.id });
    expect(res.data).toEqual({ node: { id: unit.id, key: 'oslo' }, nodes: [{ id: unit.id }, null], byId: { key: 'oslo' }, byKeyAsId: { key: 'oslo' } });
    const both = await server.gql(`{ unit(id: "x", key: "y") { key } }`);
    expect(both.errors?.[0]?.message).toBe('key: give exactly one of id or key');
  });
});
