import { canonical, Section, SECTIONS, stableJson } from '../../src/modules/snapshot/snapshot.format';
import { devRegistry, startTestServer, TestServer } from '../helpers/server';

type Rec = Record<string, any>;

const byKey = (records: Rec[], section: Section) => new Map(records.map((r) => [r.key, stableJson(canonical(section, r))]));

describe('snapshot import and export', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('round-trips the dev registry: export of an import is the same registry, and imports into an empty one as the same', async () => {
    const original = devRegistry() as unknown as Record<Section, Rec[]>;
    const first = await server.services.snapshot.import(original);
    expect(first.created).toEqual({ topics: 26, units: 293, people: 1517, agreements: 58, collaborations: 2000 });

    const exported = (await server.services.snapshot.export()) as unknown as Record<Section, Rec[]>;
    for (const section of SECTIONS) expect(byKey(exported[section], section)).toEqual(byKey(original[section], section));

    const other = await startTestServer();
    try {
      await other.services.snapshot.import(exported);
      expect(await other.services.snapshot.export()).toEqual(exported);
    } finally {
      await other.close();
    }
  });

  it('is idempotent: a second import of the same file changes nothing, not even versions', async () => {
    const data = devRegistry();
    await server.services.snapshot.import(data);
    const before = await server.gql(`{ collaboration(key: "c-000001") { version updatedAt } }`);
    const again = await server.services.snapshot.import(data);
    expect(again.created).toEqual({ topics: 0, units: 0, people: 0, agreements: 0, collaborations: 0 });
    expect(again.updated).toEqual({ topics: 0, units: 0, people: 0, agreements: 0, collaborations: 0 });
    expect(again.unchanged.collaborations).toBe(2000);
    expect((await server.gql(`{ collaboration(key: "c-000001") { version updatedAt } }`)).data).toEqual(before.data);
  });

  it('upserts on key: a changed record is updated and its version bumped, references may point at existing records', async () => {
    await server.services.snapshot.import(devRegistry());
    const summary = await server.services.snapshot.import({
      format: 'collaboration-registry',
      version: 1,
      collaborations: [
        { key: 'c-000001', title: 'Ny tittel', kind: 'WORKING_GROUP', units: [{ unit: 'bydel-alna', role: 'LEAD' }] },
        { key: 'ny-1', title: 'Ny', kind: 'ANALYSIS', parent: 'c-000001', units: [{ unit: 'kommune-0301', role: 'HOST' }] },
      ],
    });
    expect(summary.updated.collaborations).toBe(1);
    expect(summary.created.collaborations).toBe(1);
    const res = await server.gql(`{ collaboration(key: "c-000001") { title version status units { unit { key } } children { key } } }`);
    expect(res.data.collaboration).toEqual({ title: 'Ny tittel', version: 2, status: 'ACTIVE', units: [{ unit: { key: 'bydel-alna' } }], children: [{ key: 'ny-1' }] });
    expect((await server.gql(`{ collaborations(filter: { text: "ny tittel" }) { nodes { key } } }`)).data.collaborations.nodes).toEqual([{ key: 'c-000001' }]);
  });

  it('names the record and field of every problem, and writes nothing', async () => {
    const data = devRegistry();
    const collaborations = data.collaborations as Rec[];
    collaborations[17]!.units[0].unit = 'bydel-x';
    collaborations[3]!.startDate = '2021-13-01';
    collaborations[4]!.colour = 'blue';
    const unit = (data.units as Rec[])[2]!;
    unit.identifiers = { districtNumber: '12' };
    await expect(server.services.snapshot.import(data)).rejects.toMatchObject({
      message: expect.stringContaining('collaborations[17] (c-000018).units[0].unit: unknown unit "bydel-x"'),
    });
    const error = (await server.services.snapshot.import(data).catch((e: Error) => e)) as Error;
    expect(error.message).toContain('collaborations[3] (c-000004).startDate: must be a calendar date written YYYY-MM-DD');
    expect(error.message).toContain('collaborations[4] (c-000005).colour: is not a known field');
    expect(error.message).toContain(`units[2] (${unit.key}).identifiers.districtNumber: must be a district number (bydelsnummer) of 6 digits`);
    expect(error.message).not.toContain('endDate');
    expect(await server.services.snapshot.isEmpty()).toBe(true);
  });

  it('applies the same list rules as the API: no unit or topic twice, no empty funding line', async () => {
    const doc = {
      format: 'collaboration-registry',
      version: 1,
      units: [{ key: 'k', name: 'K', kind: 'MUNICIPALITY' }],
      topics: [{ key: 't', label: 'T' }],
      collaborations: [
        { key: 'c', title: 'C', kind: 'OTHER', topics: ['t', 't'], units: [{ unit: 'k', role: 'LEAD' }, { unit: 'k', role: 'LEAD' }], funding: [{}] },
      ],
    };
    const message = await server.services.snapshot.import(doc).then(() => '', (e: Error) => e.message);
    expect(message).toBe(
      'collaborations[0] (c).units[1]: the same unit in the same role is listed twice; collaborations[0] (c).topics[1]: the same topic is listed twice; ' +
        'collaborations[0] (c).funding[0]: give a source, a sourceName or an amountNok',
    );
    expect(await server.services.snapshot.isEmpty()).toBe(true);
  });

  it('refuses duplicate keys, cycles, wrong format and unknown sections', async () => {
    const unit = (key: string, parent?: string) => ({ key, name: key, kind: 'MUNICIPAL_SERVICE', ...(parent ? { parent } : {}) });
    const attempt = (doc: unknown) => server.services.snapshot.import(doc).then(() => '', (e: Error) => e.message);
    expect(await attempt({ format: 'collaboration-registry', version: 1, units: [unit('a'), unit('a')] })).toBe('units[1] (a).key: also used by units[0]');
    expect(await attempt({ format: 'collaboration-registry', version: 1, units: [unit('a', 'b'), unit('b', 'a')] })).toBe(
      'units[0] (a).parent: "a" would be its own ancestor; units[1] (b).parent: "b" would be its own ancestor',
    );
    expect(await attempt({ format: 'other', version: 2, extra: [] })).toBe(
      'format: must be "collaboration-registry"; version: must be 1 (got 2); extra: is not a known field of a snapshot',
    );
    expect(await attempt({ format: 'collaboration-registry', version: 1, units: {} })).toBe('units: must be a list');
    expect(await attempt([1, 2])).toBe('a snapshot must be a JSON object');
    expect(await server.services.snapshot.isEmpty()).toBe(true);
  });

  it('imports and exports over GraphQL with the same importer, errors as userErrors', async () => {
    const small = {
      format: 'collaboration-registry',
      version: 1,
      units: [{ key: 'k', name: 'Kommune', kind: 'MUNICIPALITY' }, { key: 'u', name: 'Universitet', kind: 'UNIVERSITY' }],
      collaborations: [{ key: 'c', title: 'Samarbeid', kind: 'NETWORK', units: [{ unit: 'k', role: 'LEAD' }, { unit: 'nope', role: 'PARTNER' }] }],
    };
    const mutation = `mutation($s: JSON!) { importRegistry(snapshot: $s) { summary { created { units collaborations } } userErrors { field code message } } }`;
    const bad = await server.gql(mutation, { s: small });
    expect(bad.data.importRegistry).toEqual({
      summary: null,
      userErrors: [{ field: 'collaborations[0] (c).units[1].unit', code: 'UNKNOWN_REFERENCE', message: 'unknown unit "nope"' }],
    });
    expect(await server.services.snapshot.isEmpty()).toBe(true);
    small.collaborations[0]!.units[1]!.unit = 'u';
    const good = await server.gql(mutation, { s: small });
    expect(good.data.importRegistry).toEqual({ summary: { created: { units: 2, collaborations: 1 } }, userErrors: [] });
    const exported = await server.gql(`{ exportRegistry }`);
    expect(exported.data.exportRegistry.collaborations).toEqual([
      { key: 'c', title: 'Samarbeid', kind: 'NETWORK', status: 'ACTIVE', units: [{ unit: 'k', role: 'LEAD' }, { unit: 'u', role: 'PARTNER' }] },
    ]);
  });
});
