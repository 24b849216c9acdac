import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { postgresMigrations } from '../../src/db/migrations/postgres';
import { DEV_REGISTRY, dropTestDatabases, testDatabaseUrl } from '../helpers/server';

/**
 * Two server processes on one PostgreSQL database, as replicas behind a load balancer. Runs in the PostgreSQL
 * project only (jest.config.js): replicas share PostgreSQL, never a SQLite file.
 */
const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);

let dir: string;
let databaseUrl: string;
let token: string;
interface Replica {
  child: ChildProcess;
  url: string;
  /** What it has logged so far. */
  out: () => string;
}
const servers: Replica[] = [];

async function startReplica(extraEnv: Record<string, string> = {}): Promise<Replica> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', REGISTRY_SEED: 'off', REGISTRY_RATE_LIMIT: '0', ...extraEnv };
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /at (http:\/\/\S+\/graphql)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', () => reject(new Error(`replica exited early: ${out}`)));
  });
  return { child, url, out: () => out };
}

const builtBy = (replica: Replica) => replica.out().split('\n').filter((line) => line.includes('"overlap analysis built"')).length;

/** Waits until a replica answers from a complete analysis (the first one, built in the background at start). */
async function waitForAnalysis(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { data } = await gql(url, `{ analysisStatus { rebuilding } }`);
    if (!data.analysisStatus.rebuilding) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function gql(url: string, query: string, variables?: object): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-replicas-'));
  databaseUrl = testDatabaseUrl(dir);
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  await run(process.execPath, [path.join(ROOT, 'bin', 'registry.js'), 'import', DEV_REGISTRY], { env });
  token = (await run(process.execPath, [path.join(ROOT, 'bin', 'registry.js'), 'token', 'create', '--role', 'admin', '--name', 'replicas'], { env })).stdout.trim().split('\n').pop()!;
  servers.push(await startReplica(), await startReplica());
});

afterAll(async () => {
  for (const { child } of servers) child.kill('SIGTERM');
  await Promise.all(servers.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on('exit', resolve)))));
  await dropTestDatabases([databaseUrl, testDatabaseUrl(dir, 'fresh')]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two replicas on one PostgreSQL database', () => {
  it('shows a write on one replica in the overlap report of the other at once: they read one analysis', async () => {
    const [a, b] = servers;
    const count = async (url: string) => (await gql(url, `{ overlapReport { totalCount } }`)).data.overlapReport.totalCount;
    await waitForAnalysis(a!.url);
    expect([await count(a!.url), await count(b!.url)]).toEqual([849, 849]);
    const original = (await gql(a!.url, `{ collaboration(key: "c-000002") { title summary keywords startDate endDate } }`)).data.collaboration;
    const created = await gql(a!.url, `mutation($i: CollaborationCreateInput!) { collaborationCreate(input: $i) { userErrors { message } } }`, {
      i: { ...original, key: 'twin', kind: 'ANALYSIS', units: [{ unit: 'bydel-ostensjo', role: 'HOST' }, { unit: 'oslomet', role: 'LEAD' }] },
    });
    expect(created.data.collaborationCreate.userErrors).toEqual([]);
    expect(await count(b!.url)).toBeGreaterThan(849);
    // The registry was imported before either started: exactly one of them analysed it.
    expect(builtBy(a!) + builtBy(b!)).toBe(1);
  });

  it('rebuilds once for all replicas after a topic change, and a replica started later reads the same analysis without building', async () => {
    const [a, b] = servers;
    const status = async (url: string) => (await gql(url, `{ analysisStatus { modelVersion rebuilding pairs } }`)).data.analysisStatus;
    const before = await status(a!.url);
    const built = builtBy(a!) + builtBy(b!);
    const topic = (await gql(b!.url, `{ topic(key: "demens") { id version label } }`)).data.topic;
    const renamed = await gql(b!.url, `mutation($i: TopicUpdateInput!) { topicUpdate(input: $i) { userErrors { code } } }`, { i: { id: topic.id, version: topic.version, label: `${topic.label} og kognitiv svikt` } });
    expect(renamed.data.topicUpdate.userErrors).toEqual([]);
    let after = await status(a!.url);
    for (let i = 0; i < 100 && (after.rebuilding || after.modelVersion === before.modelVersion); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await status(a!.url);
    }
    expect(after).toMatchObject({ rebuilding: false, modelVersion: before.modelVersion + 1 });
    expect(await status(b!.url)).toEqual(after);
    // Both heard of the change; the lock let one of them rebuild.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(builtBy(a!) + builtBy(b!)).toBe(built + 1);
    const late = await startReplica();
    servers.push(late);
    const first = await gql(late.url, `{ overlapReport(first: 5) { totalCount nodes { a { key } b { key } } } }`);
    expect(first.data).toEqual((await gql(a!.url, `{ overlapReport(first: 5) { totalCount nodes { a { key } b { key } } } }`)).data);
    expect(builtBy(late)).toBe(0);
  });

  it('lets exactly one of many concurrent updates from the same version win; the rest get CONFLICT', async () => {
    const [a, b] = servers;
    const { version } = (await gql(a!.url, `{ collaboration(key: "c-000010") { version } }`)).data.collaboration;
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gql(i % 2 ? b!.url : a!.url, `mutation { collaborationUpdate(input: { id: "c-000010", version: ${version}, summary: "writer ${i}" }) { collaboration { version } userErrors { code } } }`),
      ),
    );
    const codes = attempts.map((r) => r.data.collaborationUpdate.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(9);
    const after = (await gql(b!.url, `{ collaboration(key: "c-000010") { version summary } }`)).data.collaboration;
    expect(after.version).toBe(version + 1);
    const winner = attempts.findIndex((r) => !r.data.collaborationUpdate.userErrors.length);
    expect(after.summary).toBe(`writer ${winner}`);
  });

  it('lets one of two concurrent creates with the same key win, the other gets a clear error', async () => {
    const [a, b] = servers;
    const create = (url: string) =>
      gql(url, `mutation { topicCreate(input: { key: "same-key", label: "Samtidig" }) { topic { key } userErrors { field code } } }`);
    const results = await Promise.all([create(a!.url), create(b!.url)]);
    const errors = results.map((r) => r.data.topicCreate.userErrors).flat();
    expect(results.filter((r) => r.data.topicCreate.topic)).toHaveLength(1);
    expect(errors).toEqual([{ field: 'key', code: 'DUPLICATE_KEY' }]);
  });

  it('keeps serving reads on one replica while the other imports', async () => {
    const [a, b] = servers;
    const snapshot = JSON.parse(fs.readFileSync(DEV_REGISTRY, 'utf8'));
    snapshot.collaborations = snapshot.collaborations.slice(0, 300).map((c: any) => ({ ...c, title: `${c.title} (oppdatert)` }));
    delete snapshot.people;
    const importing = gql(a!.url, `mutation($s: JSON!) { importRegistry(snapshot: $s) { summary { updated { collaborations } } userErrors { message } } }`, { s: snapshot });
    const reads: any[] = [];
    for (let i = 0; i < 10; i++) reads.push(await gql(b!.url, `{ collaborations(first: 5) { totalCount nodes { key title } } }`));
    const imported = await importing;
    expect(imported.data.importRegistry).toEqual({ summary: { updated: { collaborations: 300 } }, userErrors: [] });
    for (const read of reads) {
      expect(read.errors).toBeUndefined();
      expect(read.data.collaborations.totalCount).toBe(2001);
    }
  });

  it('brings a `registry import` run beside the replicas into their overlap reports (restore and seed announce the same way)', async () => {
    const [a, b] = servers;
    const count = async (url: string) => (await gql(url, `{ overlapReport { totalCount } }`)).data.overlapReport.totalCount;
    const before = [await count(a!.url), await count(b!.url)];
    const snapshot = JSON.parse(fs.readFileSync(DEV_REGISTRY, 'utf8'));
    const original = snapshot.collaborations.find((c: { key: string }) => c.key === 'c-000002');
    const file = path.join(dir, 'cli-twin.json');
    fs.writeFileSync(file, JSON.stringify({ format: snapshot.format, version: snapshot.version, collaborations: [{ ...original, key: 'cli-twin', units: [{ unit: 'bydel-ostensjo', role: 'HOST' }, { unit: 'oslomet', role: 'LEAD' }] }] }));
    await run(process.execPath, [path.join(ROOT, 'bin', 'registry.js'), 'import', file], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    // The command kept the analysis in step in its own transaction: both replicas see it at once.
    const after = [await count(a!.url), await count(b!.url)];
    expect(after[0]).toBeGreaterThan(before[0]!);
    expect(after[1]).toBe(after[0]);
  });

  it('starts two replicas at once on an empty database: one migrates while the other waits, both become ready', async () => {
    const fresh = testDatabaseUrl(dir, 'fresh');
    // Each replica is registered as soon as it is up, so afterAll stops it even if its twin fails to start.
    const start = () => startReplica({ DATABASE_URL: fresh }).then((replica) => (servers.push(replica), replica));
    const started = await Promise.all([start(), start()]);
    for (const { url } of started) expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
    const { Client } = await import('pg');
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const schema = new URL(fresh).searchParams.get('schema');
      const applied = await client.query(`SELECT name FROM "${schema}".migrations`);
      expect(applied.rows.map((r) => r.name)).toEqual(postgresMigrations.map((m) => m.name));
    } finally {
      await client.end();
    }
  });

  it('shares one rate-limit budget between replicas when the limiter is kept in PostgreSQL', async () => {
    const limited = [await startReplica({ REGISTRY_RATE_LIMIT: '6', REGISTRY_RATE_LIMIT_STORE: 'postgres' }), await startReplica({ REGISTRY_RATE_LIMIT: '6', REGISTRY_RATE_LIMIT_STORE: 'postgres' })];
    servers.push(...limited);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(limited[i % 2]!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ topics { totalCount } }"}' });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Six per minute in all, not six per replica.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
  });
});
