/**
 * npm run bench:overlap -- --collaborations N [--postgres URL] [--repeat 11] [--keep DIR]
 *
 * The overlap analysis as live data (issue 11), on a synthetic registry of N collaborations
 * (scripts/synthetic-registry.ts), on SQLite and, with --postgres, on PostgreSQL (schema bench_overlap, dropped
 * after). Each step runs in a fresh process, so its memory figure is its own:
 *   1. import the registry (the import asks for a rebuild; nothing is analysed yet);
 *   2. `registry analyse`: the full rebuild, its time and the process's peak RSS;
 *   3. start the server on that database: the first overlapReport page after the start (no build may run), the
 *      first page of all clusters (grouped once per revision) and again warm, then,
 *      as medians of --repeat writes each followed by the read that shows its effect, over HTTP with an API token:
 *      create → its overlaps, update → its overlaps, delete → the report of its unit, a unit moved to another
 *      parent → the report of that parent, an agreement changed → the gaps; and the server process's peak RSS.
 * With --keep DIR the SQLite file is kept in DIR and reused by the next run with the same N (no import).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { startServer } from '../src/app/server';
import { createServices } from '../src/app/context';
import { Role } from '../src/modules/auth/api-token.entity';
import { generateRegistry } from './synthetic-registry';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

type Figures = Record<string, number>;

/** Runs one step in a fresh process and returns the figures it printed as its last line. */
function step(name: string, n: number, url: string, repeat: number): Figures {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', __filename, '--step', name, '--collaborations', String(n), '--url', url, '--repeat', String(repeat)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const lines = out.trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(line);
  return JSON.parse(lines[lines.length - 1]!) as Figures;
}

async function importStep(n: number, url: string): Promise<Figures> {
  const ds = await openDatabase(loadConfig({ DATABASE_URL: url }).database);
  try {
    const services = createServices(ds);
    const snapshot = generateRegistry(n);
    const started = performance.now();
    await services.snapshot.import(snapshot);
    return { importMs: performance.now() - started };
  } finally {
    await ds.destroy();
  }
}

async function analyseStep(url: string): Promise<Figures> {
  const ds = await openDatabase(loadConfig({ DATABASE_URL: url }).database);
  try {
    const services = createServices(ds);
    const started = performance.now();
    if (!(await services.analysis.rebuild())) throw new Error('another process holds the rebuild');
    const status = await services.analysis.status();
    return { rebuildMs: performance.now() - started, rebuildPeakMiB: peakMiB(), collaborations: status.collaborations, pairs: status.pairs };
  } finally {
    await ds.destroy();
  }
}

async function serveStep(n: number, url: string, repeat: number): Promise<Figures> {
  const started = performance.now();
  const server = await startServer(loadConfig({ DATABASE_URL: url }, { port: 0, host: '127.0.0.1', seedOnStart: false, rateLimitPerMinute: 0, logLevel: 'warn' }));
  const listening = performance.now() - started;
  const { secret } = await server.services.auth.create({ name: `bench-${Date.now()}`, role: Role.ADMIN });
  const gql = async (query: string, variables?: object) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const medianOf = async (fn: (i: number) => Promise<number>) => {
    const xs: number[] = [];
    for (let i = 0; i < repeat; i++) xs.push(await fn(i));
    return median(xs);
  };
  try {
    const reportQuery = `{ overlapReport(first: 20) { totalCount nodes { score a { key title } b { key title } reasons { code message } } } }`;
    const firstPage = await time(() => gql(reportQuery));
    const warmPage = await medianOf(() => time(() => gql(reportQuery)));
    const clusterQuery = `{ overlapClusters(first: 12) { totalCount nodes { size score collaborations { key } overlaps { score } sharedUnits { key } topics { key } } } }`;
    const clustersCold = await time(() => gql(clusterQuery));
    const clustersWarm = await medianOf(() => time(() => gql(clusterQuery)));
    const whoQuery = `{ whoWorksWith(unit: "k-0", topic: "fallforebygging") { people { score person { key } } units { unit { key } } collaborations { score collaboration { key } } } }`;
    await gql(whoQuery);
    const who = await medianOf(() => time(() => gql(whoQuery)));

    const models = await Promise.all(
      Array.from({ length: repeat }, async (_, i) => (await gql(`{ collaboration(key: "c-${Math.floor(((i + 0.5) * n) / repeat)}") { title summary kind startDate endDate units { role unit { key } } } }`)).collaboration),
    );
    const created: { id: string; version: number; unit: string }[] = [];
    const create = await medianOf(async (i) => {
      const c = models[i];
      return time(async () => {
        const out = await gql(`mutation($i: CollaborationCreateInput!) { collaborationCreate(input: $i) { collaboration { id version } userErrors { message } } }`, {
          i: { key: `bench-new-${Date.now()}-${i}`, title: c.title, summary: c.summary, kind: c.kind, startDate: c.startDate, endDate: c.endDate, units: c.units.map((u: any) => ({ unit: u.unit.key, role: u.role })) },
        });
        const { id, version } = out.collaborationCreate.collaboration;
        created.push({ id, version, unit: c.units[0].unit.key });
        await gql(`query($id: ID!) { node(id: $id) { ... on Collaboration { overlaps { score } } } }`, { id });
      });
    });
    const update = await medianOf(async (i) => {
      const target = created[i]!;
      return time(async () => {
        const out = await gql(`mutation($i: CollaborationUpdateInput!) { collaborationUpdate(input: $i) { collaboration { version } userErrors { message } } }`, {
          i: { id: target.id, version: target.version, title: `${models[(i + 1) % repeat].title} (endret)` },
        });
        target.version = out.collaborationUpdate.collaboration.version;
        await gql(`query($id: ID!) { node(id: $id) { ... on Collaboration { overlaps { score } } } }`, { id: target.id });
      });
    });
    const remove = await medianOf(async (i) => {
      const target = created[i]!;
      return time(async () => {
        await gql(`mutation($i: CollaborationDeleteInput!) { collaborationDelete(input: $i) { userErrors { message } } }`, { i: { id: target.id, version: target.version } });
        await gql(`{ overlapReport(first: 20, filter: { unit: "${target.unit}" }) { totalCount } }`);
      });
    });
    const reparent = await medianOf(async (i) => {
      // A district service moved to the district next to it (and back on the next round).
      const key = `k-0-b${i % 2}-helsetjenesten`;
      const { unit } = await gql(`{ unit(key: "${key}") { id version parent { key } } }`);
      const target = unit.parent.key === 'k-0-b0' ? 'k-0-b1' : 'k-0-b0';
      return time(async () => {
        await gql(`mutation($i: UnitUpdateInput!) { unitUpdate(input: $i) { userErrors { message } } }`, { i: { id: unit.id, version: unit.version, parent: target } });
        await gql(`{ overlapReport(first: 20, filter: { unit: "${target}" }) { totalCount } }`);
      });
    });
    const agreement = await medianOf(async (i) => {
      const { agreement: a } = await gql(`{ agreement(key: "a-${i % 10}") { id version } }`);
      return time(async () => {
        await gql(`mutation($i: AgreementUpdateInput!) { agreementUpdate(input: $i) { userErrors { message } } }`, { i: { id: a.id, version: a.version, validTo: `20${20 + (i % 9)}-12-31` } });
        await gql(`{ coordinationGaps(first: 20) { totalCount } }`);
      });
    });
    const status = (await gql(`{ analysisStatus { collaborations pairs rebuilding modelVersion } }`)).analysisStatus;
    const rebuilds = (await server.services.analysis.figures())?.builds ?? 0;
    return { listeningMs: listening, firstPageMs: firstPage, warmPageMs: warmPage, clustersColdMs: clustersCold, clustersWarmMs: clustersWarm, whoMs: who, createMs: create, updateMs: update, deleteMs: remove, reparentMs: reparent, agreementMs: agreement, serverPeakMiB: peakMiB(), rebuildsWhileServing: rebuilds, modelVersion: status.modelVersion };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      collaborations: { type: 'string', default: '10000' },
      repeat: { type: 'string', default: '11' },
      postgres: { type: 'string' },
      keep: { type: 'string' },
      step: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const n = Number(values.collaborations);
  const repeat = Number(values.repeat);
  if (values.step) {
    const url = values.url!;
    const figures = values.step === 'import' ? await importStep(n, url) : values.step === 'analyse' ? await analyseStep(url) : await serveStep(n, url, repeat);
    console.log(JSON.stringify(figures));
    return;
  }
  const dir = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const targets: { name: string; url: string; reuse: boolean }[] = [];
  const file = path.join(dir, `overlap-${n}.sqlite`);
  targets.push({ name: 'SQLite', url: `sqlite:${file}`, reuse: Boolean(values.keep) && fs.existsSync(file) });
  if (values.postgres) {
    const url = new URL(values.postgres);
    url.searchParams.set('schema', 'bench_overlap');
    targets.push({ name: 'PostgreSQL', url: url.toString(), reuse: false });
  }
  const results: { name: string; figures: Figures }[] = [];
  try {
    for (const target of targets) {
      console.log(`${target.name}: ${n} collaborations`);
      const imported = target.reuse ? { importMs: NaN } : step('import', n, target.url, repeat);
      const analysed = step('analyse', n, target.url, repeat);
      const served = step('serve', n, target.url, repeat);
      results.push({ name: target.name, figures: { ...imported, ...analysed, ...served } });
    }
  } finally {
    if (values.postgres) {
      const ds = await openDatabase(loadConfig({ DATABASE_URL: values.postgres }).database, { migrate: false });
      await ds.query('DROP SCHEMA IF EXISTS "bench_overlap" CASCADE');
      await ds.destroy();
    }
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows: [string, (f: Figures) => string][] = [
    ['import', (f) => (Number.isNaN(f.importMs) ? '(reused)' : `${(f.importMs! / 1000).toFixed(1)} s`)],
    ['full rebuild (registry analyse)', (f) => `${(f.rebuildMs! / 1000).toFixed(1)} s`],
    ['rebuild peak RSS', (f) => `${f.rebuildPeakMiB!.toFixed(0)} MiB`],
    ['collaborations / flagged pairs', (f) => `${f.collaborations} / ${f.pairs}`],
    ['first overlapReport page after a restart', (f) => ms(f.firstPageMs!)],
    [`overlapReport first page, warm (median of ${repeat})`, (f) => ms(f.warmPageMs!)],
    ['overlapClusters first page (12 of all clusters), first time after a write', (f) => ms(f.clustersColdMs!)],
    [`overlapClusters first page, warm (median of ${repeat})`, (f) => ms(f.clustersWarmMs!)],
    [`whoWorksWith, warm (median of ${repeat})`, (f) => ms(f.whoMs!)],
    [`create → its overlaps (median of ${repeat})`, (f) => ms(f.createMs!)],
    [`update → its overlaps (median of ${repeat})`, (f) => ms(f.updateMs!)],
    [`delete → its unit's report (median of ${repeat})`, (f) => ms(f.deleteMs!)],
    [`unit reparented → report (median of ${repeat})`, (f) => ms(f.reparentMs!)],
    [`agreement changed → gaps (median of ${repeat})`, (f) => ms(f.agreementMs!)],
    ['server peak RSS', (f) => `${f.serverPeakMiB!.toFixed(0)} MiB`],
    ['full rebuilds while serving', (f) => String(f.rebuildsWhileServing)],
  ];
  console.log(`\n| ${n} collaborations | ${results.map((r) => r.name).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---').join('|')}|`);
  for (const [label, show] of rows) console.log(`| ${label} | ${results.map((r) => show(r.figures)).join(' | ')} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
