import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/app/server';
import { generationsPresent, readState, tablesOf } from '../../src/modules/analysis/analysis.store';
import { BIN, registry } from '../helpers/cli';
import { dropTestDatabases, startTestServer, TestServer } from '../helpers/server';

/** The analysis lives in the database: it outlives the process, any process reads it, and `registry analyse` rebuilds it. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

const REPORT = `{ overlapReport(first: 20) { totalCount pageInfo { endCursor } nodes { score a { key } b { key } reasons { code } } } analysisStatus { modelVersion pairs } }`;

describe('the analysis as data', () => {
  it('answers the first report after a restart from the stored analysis, without a build', async () => {
    const own = await startTestServer({ dev: true });
    const before = await own.gql(REPORT);
    await own.stop();
    const config = loadConfig({ DATABASE_URL: own.databaseUrl }, { port: 0, host: '127.0.0.1', seedOnStart: false, rateLimitPerMinute: 0, logLevel: 'silent' });
    const restarted = await startServer(config);
    try {
      const started = performance.now();
      const res = await fetch(restarted.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${own.adminToken}` },
        body: JSON.stringify({ query: REPORT }),
      });
      const elapsed = performance.now() - started;
      expect(((await res.json()) as any).data).toEqual(before.data);
      expect(await restarted.services.analysis.figures()).toMatchObject({ builds: 0, pairs: 849 });
      // Generous for a loaded CI machine: a build of this registry alone takes longer.
      expect(elapsed).toBeLessThan(1000);
    } finally {
      await restarted.stop();
      await dropTestDatabases([own.databaseUrl]);
      fs.rmSync(own.dir, { recursive: true, force: true });
    }
  });

  it('registry analyse rebuilds the analysis, says what it did, and leaves the reports as they were', async () => {
    const before = (await server.gql(REPORT)).data;
    const { generation } = await readState(server.dataSource.manager);
    const res = await registry(['analyse'], server.databaseUrl);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/read 2\d{3} collaborations \(\d+\.\d s\)/);
    expect(res.stderr).toContain('found 849 flagged pairs');
    expect(res.stdout).toMatch(new RegExp(`^analysis ${generation + 1} is current: 2\\d{3} collaborations, 849 flagged pairs, built \\d{4}-`));
    const after = (await server.gql(REPORT)).data;
    expect(after.analysisStatus.modelVersion).toBe(generation + 1);
    expect(after.overlapReport).toEqual(before.overlapReport);
  });

  it('a rebuild killed half-way leaves the last analysis in place; the next one removes what it left and takes over', async () => {
    const before = (await server.gql(REPORT)).data;
    const { generation } = await readState(server.dataSource.manager);
    // One row per transaction, so the rebuild is still writing (for seconds) when it is killed.
    const child = spawn(process.execPath, [BIN, 'analyse'], { env: { ...process.env, DATABASE_URL: server.databaseUrl, REGISTRY_ANALYSIS_BATCH_ROWS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => {
      let err = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (err.includes('classified them')) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGKILL');
    await exited;
    const state = await readState(server.dataSource.manager);
    expect(state.generation).toBe(generation);
    expect(state.rebuildingGeneration).toBe(generation + 1);
    const written = await server.dataSource.query(`SELECT COUNT(*) AS n FROM ${tablesOf(generation + 1).collaborations}`);
    expect(Number(written[0].n)).toBeGreaterThan(0);
    expect((await server.gql(REPORT)).data).toEqual(before);
    // On PostgreSQL the killed process's lock went with it; SQLite has no lock to tell, so its heartbeat is let go
    // stale here instead of waiting a minute.
    await server.dataSource.query(`UPDATE analysis_state SET rebuild_heartbeat = NULL`);
    const res = await registry(['analyse'], server.databaseUrl);
    expect(res.code).toBe(0);
    const after = await readState(server.dataSource.manager);
    // The running server may have taken over first (it looks every few seconds): then the command rebuilds once more.
    expect(after.rebuildingGeneration).toBeNull();
    expect(after.generation).toBeGreaterThanOrEqual(generation + 2);
    expect(await generationsPresent(server.dataSource.manager)).not.toContain(generation + 1);
    expect((await server.gql(REPORT)).data.overlapReport).toEqual(before.overlapReport);
  });
});
