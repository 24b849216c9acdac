/**
 * npm run bench:http -- [--seconds 10] [--rounds 3] [--warmup 3] [--connections 32] [--only W1,W3] [--logging] [--postgres URL]
 *
 * GraphQL over HTTP under load (autocannon), the registry against a minimal hand-written server
 * (scripts/reference-server.ts) over the same SQLite file and the same data (the dev registry), anonymous reads,
 * rate limit off; request logging (JSON lines to /dev/null) with --logging. Each server runs in its own process;
 * rounds interleave them (registry, reference, registry, reference…), so background load falls on both alike; the
 * table shows the median of the rounds. Before measuring, W1 and W3 must return the same `data` from both servers,
 * the registry's overlap analysis of the freshly imported registry must be built (a server in service built it long
 * ago; measured during the build, the first round's figures were the build's), and each server gets --warmup
 * seconds of each workload, not counted, so that the rounds measure code V8 has compiled rather than the compiling
 * (--warmup 0: none). whoWorksWith and overlapReport run on the registry alone: the reference has no overlap
 * analysis and re-implementing it would not be the same work. With --postgres the registry runs on PostgreSQL (a schema
 * bench_http, dropped after) and only its figures are shown.
 */
import 'reflect-metadata';
import assert from 'node:assert';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { startServer } from '../src/app/server';
import { tuneHeapForServing } from '../src/app/heap';
import { createLogger, logDestination } from '../src/observability/logger';
import { startReferenceServer } from './reference-server';

interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
/** A run: its result, and an event for each answer with its latency in milliseconds (a fraction). */
type AutocannonRun = Promise<AutocannonResult> & {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (options: Record<string, unknown>) => AutocannonRun;
// autocannon ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

const DEV_REGISTRY = path.join(__dirname, '..', '..', 'test', 'fixtures', 'dev-registry.json');

interface Workload {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Whether the reference server answers it too. */
  both: boolean;
}

const WORKLOADS: Workload[] = [
  {
    name: 'W1',
    both: true,
    query: `query W1 { collaborations(first: 100) { totalCount nodes { id key title kind status startDate endDate
      units { role unit { id key name kind parent { key name } } }
      people { role person { key name title } }
      topics { key label }
      agreement { key title } } } }`,
  },
  {
    name: 'W3',
    both: true,
    query: 'query W3($key: String!) { collaboration(key: $key) { id key title kind status startDate endDate } }',
    variables: { key: 'c-000042' },
  },
  {
    name: 'whoWorksWith',
    both: false,
    query: `query Who { whoWorksWith(unit: "bydel-frogner", topic: "boligsosialt") {
      units { score unit { key name } collaborations { key } }
      collaborations { score reasons collaboration { key title status } } } }`,
  },
  {
    name: 'overlapReport',
    both: false,
    query: `query Overlaps { overlapReport(first: 20) { totalCount pageInfo { hasNextPage endCursor }
      nodes { score a { key title } b { key title } subject { key } reasons { code message } sharedUnits { key } periodStart periodEnd } } }`,
  },
];

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    logging: { type: 'boolean', default: false },
    postgres: { type: 'string' },
    // Internal: the child processes that serve.
    serve: { type: 'string' },
    database: { type: 'string' },
  },
});

/** A numeric option, refused unless it is a number of at least `min` (Number('') would be 0). */
function numberOption(name: 'seconds' | 'rounds' | 'warmup' | 'connections', min: number): number {
  const text = args[name]!;
  const value = Number(text);
  if (text.trim() === '' || !(value >= min)) throw new Error(`--${name} must be a number, ${min} or more (got "${text}")`);
  return value;
}
const seconds = numberOption('seconds', 1);
const rounds = numberOption('rounds', 1);
const warmup = numberOption('warmup', 0);
const connections = numberOption('connections', 1);

/** Child process: serve, print the URL on stdout, run until killed. */
async function serve(): Promise<void> {
  if (args.serve === 'reference') {
    const server = await startReferenceServer(args.database!);
    console.log(server.url);
    return;
  }
  // As `registry serve` runs (src/main.ts).
  tuneHeapForServing();
  const logger = args.logging ? createLogger('info', logDestination(fs.openSync('/dev/null', 'w'))) : createLogger('silent');
  const config = loadConfig({ ...process.env, DATABASE_URL: args.database }, { port: 0, host: '127.0.0.1', seedOnStart: false, rateLimitPerMinute: 0 });
  const server = await startServer(config, { logger });
  if (await server.services.snapshot.isEmpty()) await server.services.snapshot.import(JSON.parse(fs.readFileSync(DEV_REGISTRY, 'utf8')));
  console.log(server.url);
}

/** A server under test: its name in the table, its GraphQL URL and its process. */
interface Server {
  name: 'registry' | 'reference';
  url: string;
  pid: number;
}

function startChild(kind: 'project' | 'reference', database: string): Promise<{ url: string; child: ChildProcess }> {
  const argv = [__filename, '--serve', kind, '--database', database, ...(args.logging ? ['--logging'] : [])];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) resolve({ url: line.trim(), child });
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code}) before listening`)));
  });
}

async function post(url: string, workload: Workload): Promise<{ data?: unknown; errors?: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: workload.query, variables: workload.variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || body.errors) throw new Error(`${workload.name} on ${url}: HTTP ${res.status} ${JSON.stringify(body.errors)}`);
  return body;
}

interface Figures {
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  /** Requests unanswered after 30 s (autocannon gives up on them and opens a new connection). */
  timeouts: number;
  /** The server process's CPU time (all its threads) per answered request, in microseconds; NaN without /proc. */
  serverCpuPerRequest: number;
  /** This process's CPU time (autocannon, the client, all threads) over the run's time: 1 = one core's worth. */
  clientBusy: number;
}

/** A process's CPU time so far (user and system, all threads), in microseconds, from /proc (Linux); NaN elsewhere. */
function processCpu(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return NaN;
  }
  // The fields after the command's name, which is in parentheses and may itself hold them: utime and stime are the
  // 12th and 13th after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks();
}
let ticks: number | undefined;
/** The kernel's clock ticks per second, in which /proc counts CPU time. */
const clockTicks = () => (ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()));

/** The p-th percentile (nearest rank) of sorted latencies. */
const percentile = (sorted: Float64Array, p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function load(server: Server, workload: Workload, duration = seconds): Promise<Figures> {
  const { url } = server;
  // autocannon's own percentiles come from a histogram of whole milliseconds, which cannot tell a p50 of 1.0 ms from
  // one of 1.9 ms; each answer's own latency, kept here, can.
  const latencies: number[] = [];
  const run = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: workload.query, variables: workload.variables }),
    connections,
    duration,
    timeout: 30,
  });
  run.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const serverCpu = processCpu(server.pid);
  const clientCpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await run;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e3;
  const client = process.cpuUsage(clientCpu);
  const serverCpuPerRequest = (processCpu(server.pid) - serverCpu) / latencies.length;
  if (result.non2xx || result.errors > result.timeouts) {
    throw new Error(`${workload.name} on ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors (${result.timeouts} of them timeouts)`);
  }
  const sorted = Float64Array.from(latencies).sort();
  return { perSecond: result.requests.average, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), timeouts: result.timeouts,
    serverCpuPerRequest, clientBusy: (client.user + client.system) / elapsed };
}

/** Waits until the registry's overlap analysis is built (the import of the dev registry asks for a build). */
async function analysisBuilt(url: string): Promise<void> {
  const query = { name: 'analysisStatus', both: false, query: '{ analysisStatus { rebuilding } }' };
  const giveUp = Date.now() + 10 * 60_000;
  while (((await post(url, query)).data as { analysisStatus: { rebuilding: boolean } }).analysisStatus.rebuilding) {
    if (Date.now() > giveUp) throw new Error('the overlap analysis was still being built after 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const only = args.only?.split(',').map((s) => s.trim());
  const workloads = WORKLOADS.filter((w) => !only || only.includes(w.name));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-'));
  const sqliteFile = path.join(dir, 'registry.sqlite');
  let database = `sqlite:${sqliteFile}`;
  if (args.postgres) {
    const url = new URL(args.postgres);
    url.searchParams.set('schema', 'bench_http');
    database = url.toString();
  }
  const children: ChildProcess[] = [];
  try {
    const project = await startChild('project', database);
    children.push(project.child);
    const servers: Server[] = [{ name: 'registry', url: project.url, pid: project.child.pid! }];
    if (!args.postgres) {
      const reference = await startChild('reference', sqliteFile);
      children.push(reference.child);
      servers.push({ name: 'reference', url: reference.url, pid: reference.child.pid! });
    }
    for (const workload of workloads.filter((w) => w.both && servers.length === 2)) {
      const [mine, theirs] = await Promise.all(servers.map(({ url }) => post(url, workload)));
      assert.deepStrictEqual(mine!.data, theirs!.data, `${workload.name}: the registry and the reference server return different data`);
      console.log(`${workload.name}: both servers return the same data (${JSON.stringify(mine!.data).length} bytes)`);
    }
    await analysisBuilt(project.url);
    for (const workload of warmup > 0 ? workloads : []) {
      for (const server of servers) if (server.name === 'registry' || workload.both) await load(server, workload, warmup);
    }
    const results = new Map<string, Figures[]>();
    for (let round = 0; round < rounds; round++) {
      for (const workload of workloads) {
        for (const server of servers) {
          if (server.name === 'reference' && !workload.both) continue;
          await post(server.url, workload);
          const key = `${workload.name}/${server.name}`;
          results.set(key, [...(results.get(key) ?? []), await load(server, workload)]);
          process.stderr.write('.');
        }
      }
    }
    process.stderr.write('\n');
    const on = args.postgres ? 'PostgreSQL' : 'SQLite';
    console.log(
      `\n${on}, ${connections} connections, ${rounds} interleaved rounds of ${seconds} s (median) after a warm-up of ${warmup} s per workload, logging ${args.logging ? 'on' : 'off'}, rate limit off, anonymous\n`,
    );
    const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms`;
    const cell = (f: Figures | undefined) =>
      f ? `${f.perSecond.toFixed(0).padStart(7)} ${ms(f.p50).padStart(8)} ${ms(f.p90).padStart(8)} ${ms(f.p99).padStart(8)}` : ' '.repeat(34);
    // The tail beyond the median (p99 − p50) of both servers side by side: on a busy 2-core machine much of it is the
    // machine's (the client's and the servers' processes taking turns on the cores), the same for both servers.
    console.log(`| workload      | registry req/s   p50      p90      p99 | reference req/s  p50      p90      p99 | ratio | registry p99/p50 | p99 − p50: registry / reference |`);
    console.log(`|---------------|----------------------------------------|----------------------------------------|-------|------------------|---------------------------------|`);
    const notes: string[] = [];
    const efficiency: string[] = [];
    for (const workload of workloads) {
      const figures = (name: string): Figures | undefined => {
        const runs = results.get(`${workload.name}/${name}`);
        return (
          runs && {
            perSecond: median(runs.map((r) => r.perSecond)),
            p50: median(runs.map((r) => r.p50)),
            p90: median(runs.map((r) => r.p90)),
            p99: median(runs.map((r) => r.p99)),
            timeouts: runs.reduce((sum, r) => sum + r.timeouts, 0),
            serverCpuPerRequest: median(runs.map((r) => r.serverCpuPerRequest)),
            clientBusy: median(runs.map((r) => r.clientBusy)),
          }
        );
      };
      const mine = figures('registry');
      const theirs = figures('reference');
      const ratio = mine && theirs ? `${(mine.perSecond / theirs.perSecond).toFixed(2)}×` : '';
      const tail = mine ? `${(mine.p99 / mine.p50).toFixed(1)}×` : '';
      const beyond = [mine, theirs].map((f) => (f ? ms(f.p99 - f.p50) : '')).filter(Boolean).join(' / ');
      console.log(`| ${workload.name.padEnd(13)} |  ${cell(mine)}    |  ${cell(theirs)}    | ${ratio.padStart(5)} | ${tail.padStart(16)} | ${beyond.padStart(31)} |`);
      const cpu = [mine, theirs].map((f) => (f ? `${f.serverCpuPerRequest.toFixed(0)} µs` : '')).filter(Boolean).join(' / ');
      const cpuRatio = mine && theirs ? `${(theirs.serverCpuPerRequest / mine.serverCpuPerRequest).toFixed(2)}×` : '';
      const busy = [mine, theirs].map((f) => (f ? `${(f.clientBusy * 100).toFixed(0)} %` : '')).filter(Boolean).join(' / ');
      efficiency.push(`| ${workload.name.padEnd(13)} | ${cpu.padStart(35)} | ${cpuRatio.padStart(9)} | ${busy.padStart(23)} |`);
      for (const [name, f] of [['registry', mine], ['reference', theirs]] as const) {
        if (f?.timeouts) notes.push(`${workload.name}: ${f.timeouts} requests to the ${name} server unanswered after 30 s (left out of the latencies)`);
      }
    }
    for (const note of notes) console.log(note);
    // Where the client keeps its core busy, req/s is the client's limit as much as the server's; the server's own CPU
    // per request still compares the servers (the ratio: the reference's CPU over the registry's, higher is better).
    if ([...results.values()].flat().some((f) => Number.isNaN(f.serverCpuPerRequest))) {
      console.log('\n(no CPU figures: this system has no /proc)');
    } else {
      console.log(`\n| workload      | server CPU per request: reg. / ref. | CPU ratio | client CPU: reg. / ref. |`);
      console.log(`|---------------|-------------------------------------|-----------|-------------------------|`);
      for (const line of efficiency) console.log(line);
    }
  } finally {
    for (const child of children) child.kill();
    if (args.postgres) {
      const ds = await openDatabase(loadConfig({ DATABASE_URL: database }).database, { migrate: false });
      await ds.query('DROP SCHEMA IF EXISTS "bench_http" CASCADE');
      await ds.destroy();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(args.serve ? serve() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
