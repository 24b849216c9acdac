import { startServer } from '../../src/app/server';
import { loadConfig } from '../../src/config';
import { rawQuery } from '../../src/db/sql';
import { FEATURES_VERSION } from '../../src/modules/analysis/subject-model';
import { startTestServer, TestServer } from '../helpers/server';

let first: TestServer;
beforeAll(async () => {
  first = await startTestServer({ seeds: true });
  await first.services.analysis.settled();
});
afterAll(() => first.close());

/** Another server process's view: a server started on the same database, as after an upgrade and restart. */
async function restarted<T>(use: (server: Awaited<ReturnType<typeof startServer>>) => Promise<T>): Promise<T> {
  const server = await startServer(loadConfig({ DATABASE_URL: first.databaseUrl }, { port: 0, host: '127.0.0.1', seedOnStart: false, rateLimitPerMinute: 0, logLevel: 'silent' }));
  try {
    await server.services.analysis.settled();
    return await use(server);
  } finally {
    await server.stop();
  }
}

const storedModel = async (generation: number) =>
  JSON.parse((await rawQuery<{ model: string }>(first.dataSource.manager, 'SELECT model FROM analysis_model WHERE generation = $1', [generation]))[0]!.model) as Record<string, unknown>;

describe('an analysis built by an older version', () => {
  it('is kept at start when its model reads words as this version does', async () => {
    const before = await first.services.analysis.status();
    expect((await storedModel(before.modelVersion)).features).toBe(FEATURES_VERSION);
    await restarted(async (server) => expect((await server.services.analysis.status()).modelVersion).toBe(before.modelVersion));
  });

  it('is rebuilt at start when its model was trained reading words differently (stored without a features version)', async () => {
    const before = await first.services.analysis.status();
    const old = await storedModel(before.modelVersion);
    delete old.features;
    await rawQuery(first.dataSource.manager, 'UPDATE analysis_model SET model = $1 WHERE generation = $2', [JSON.stringify(old), before.modelVersion]);
    const report = '{ overlapReport(first: 100) { totalCount nodes { a { key } b { key } reasons { code message } } } }';
    const fresh = (await first.gql(report)).data.overlapReport;
    await restarted(async (server) => {
      const after = await server.services.analysis.status();
      expect(after).toMatchObject({ modelVersion: before.modelVersion + 1, rebuilding: false, collaborations: before.collaborations });
      expect((await storedModel(after.modelVersion)).features).toBe(FEATURES_VERSION);
    });
    // The same analysis as the one the current version built: the same pairs, for the same reasons.
    expect((await first.gql(report)).data.overlapReport).toEqual(fresh);
  });
});
