import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/app/server';
import { dropTestDatabases, startTestServer, TestServer } from '../helpers/server';

describe('start on an empty database', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seeds: true });
  });

  it("loads seeds/ with Oslo's fifteen districts in the unit tree", async () => {
    const res = await server.gql(`{ unit(key: "kommune-0301") { identifiers { municipalityNumber } children { key kind identifiers { districtNumber } } } }`);
    const districts = res.data.unit.children.filter((c: { kind: string }) => c.kind === 'DISTRICT');
    expect(res.data.unit.identifiers.municipalityNumber).toBe('0301');
    expect(districts).toHaveLength(15);
    expect(districts.map((d: any) => d.identifiers.districtNumber).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `0301${String(i + 1).padStart(2, '0')}`));
  });

  it('answers "who works with Oslo on language development?" from the seeded pilot', async () => {
    const res = await server.gql(`{ collaborations(filter: { unit: "bydel-alna", includeSubunits: false }) { totalCount }
      oslo: collaborations(filter: { unit: "kommune-0301", topic: "oppvekst" }) { nodes { key parent { key } agreement { key contacts { person { name } } } } } }`);
    expect(res.data.collaborations.totalCount).toBe(0);
    expect(res.data.oslo.nodes).toContainEqual({
      key: 'unikom-oslo-arbeidsgruppe-sprak',
      parent: { key: 'unikom-oslo-pilot' },
      agreement: { key: 'intensjonsavtale-unikom-oslo', contacts: [{ person: { name: 'Raymond Johansen' } }, { person: { name: 'Curt Rice' } }] },
    });
  });

  it('does not seed again on a restart once the database holds data', async () => {
    const change = await server.gql(`mutation { topicUpdate(input: { id: "helse", version: 1, label: "Endret" }) { topic { version } userErrors { message } } }`);
    expect(change.data.topicUpdate).toEqual({ topic: { version: 2 }, userErrors: [] });
    await server.stop();
    const config = loadConfig({ DATABASE_URL: server.databaseUrl }, { port: 0, host: '127.0.0.1', seedOnStart: true });
    const again = await startServer(config);
    try {
      const topic = await again.services.topics.lookup(null, 'helse');
      expect(topic).toMatchObject({ label: 'Endret', version: 2 });
    } finally {
      await again.stop();
      await dropTestDatabases([server.databaseUrl]);
      fs.rmSync(server.dir, { recursive: true, force: true });
    }
  });
});
