/**
 * npm run bench:operations -- --collaborations N [--postgres postgres://…] [--requests M]
 *
 * Measures what issue 5 adds to running the registry:
 * - backup and restore of a synthetic registry of N collaborations (SQLite, and PostgreSQL when --postgres is
 *   given): time, file size, rows;
 * - the cost per request of request logging and of the rate limiter: M small GraphQL requests, 8 at a time (the
 *   client runs in the same process), with logging off and on (JSON lines to /dev/null), and with the rate
 *   limiter off, in memory and (with --postgres) in PostgreSQL; three interleaved rounds, the middle one shown.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { Config, loadConfig } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { startServer } from '../src/app/server';
import { restoreBackup, writeBackup } from '../src/modules/backup/backup.service';
import { SnapshotService } from '../src/modules/snapshot/snapshot.service';
import { createLogger } from '../src/observability/logger';
import { generateRegistry } from './synthetic-registry';

/** A throwaway key: the benchmark signs and checks its own backups (the signature check is part of the restore time). */
const BENCH_BACKUP_KEY = randomBytes(32).toString('hex');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function databases(dir: string, postgres: string | undefined, name: string): string[] {
  const urls = [`sqlite:${path.join(dir, `${name}.sqlite`)}`];
  if (postgres) {
    const url = new URL(postgres);
    url.searchParams.set('schema', `bench_${name}`);
    urls.push(url.toString());
  }
  return urls;
}

async function dropSchema(url: string): Promise<void> {
  if (!url.startsWith('postgres')) return;
  const ds = await openDatabase(loadConfig({ DATABASE_URL: url }).database, { migrate: false });
  await ds.query(`DROP SCHEMA IF EXISTS "${new URL(url).searchParams.get('schema')}" CASCADE`);
  await ds.destroy();
}

async function benchBackup(dir: string, n: number, postgres: string | undefined): Promise<void> {
  const snapshot = generateRegistry(n);
  const sources = databases(dir, postgres, 'source');
  const targets = databases(dir, postgres, 'target');
  for (const [i, source] of sources.entries()) {
    const kind = source.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
    await dropSchema(source);
    await dropSchema(targets[i]!);
    const ds = await openDatabase(loadConfig({ DATABASE_URL: source }).database);
    let t = performance.now();
    await new SnapshotService(ds).import(snapshot);
    const imported = performance.now() - t;
    const file = path.join(dir, `backup-${i}.ndjson`);
    t = performance.now();
    const { rows } = await writeBackup(ds, file, BENCH_BACKUP_KEY);
    const backedUp = performance.now() - t;
    await ds.destroy();
    const size = fs.statSync(file).size;
    const target = await openDatabase(loadConfig({ DATABASE_URL: targets[i] }).database);
    t = performance.now();
    await restoreBackup(target, file, { key: BENCH_BACKUP_KEY });
    const restored = performance.now() - t;
    await target.destroy();
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    console.log(
      `${kind}, ${n} collaborations (${total} rows): import ${seconds(imported)}, backup ${seconds(backedUp)} (${(size / 2 ** 20).toFixed(1)} MiB), restore with verification ${seconds(restored)}`,
    );
    await dropSchema(source);
    await dropSchema(targets[i]!);
  }
}

async function throughput(config: Config, logging: boolean, requests: number): Promise<{ perSecond: number; p50: number }> {
  const logger = logging ? createLogger('info', pino.destination({ dest: '/dev/null', sync: true })) : createLogger('silent');
  const server = await startServer(config, { logger });
  const body = JSON.stringify({ query: 'query TopicCount { topics(first: 5) { totalCount nodes { key label } } }' });
  const latencies: number[] = [];
  const one = async () => {
    const t = performance.now();
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.text();
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    latencies.push(performance.now() - t);
  };
  for (let i = 0; i < 200; i++) await one();
  latencies.length = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next++ < requests) await one();
    }),
  );
  const elapsed = performance.now() - started;
  await server.stop();
  latencies.sort((a, b) => a - b);
  return { perSecond: (requests / elapsed) * 1000, p50: latencies[Math.floor(latencies.length / 2)]! };
}

async function benchRequests(dir: string, postgres: string | undefined, requests: number): Promise<void> {
  for (const url of databases(dir, postgres, 'http')) {
    const kind = url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
    await dropSchema(url);
    const variants: [string, Partial<Config>, boolean][] = [
      ['no logs, no rate limit', { rateLimitPerMinute: 0 }, false],
      ['JSON logs, no rate limit', { rateLimitPerMinute: 0 }, true],
      ['JSON logs, rate limit in memory', { rateLimitPerMinute: 10_000_000, rateLimitStore: 'memory' }, true],
    ];
    if (url.startsWith('postgres')) variants.push(['JSON logs, rate limit in PostgreSQL', { rateLimitPerMinute: 10_000_000, rateLimitStore: 'postgres' }, true]);
    // Rounds interleave the variants, so warm-up and background noise fall on all of them alike.
    const results = variants.map(() => [] as { perSecond: number; p50: number }[]);
    for (let round = 0; round < 3; round++) {
      for (const [v, [, overrides, logging]] of variants.entries()) {
        const config = loadConfig({ DATABASE_URL: url }, { port: 0, host: '127.0.0.1', seedOnStart: true, ...overrides });
        results[v]!.push(await throughput(config, logging, requests));
      }
    }
    for (const [v, [label]] of variants.entries()) {
      const middle = [...results[v]!].sort((a, b) => a.perSecond - b.perSecond)[1]!;
      console.log(`${kind}, ${label}: ${middle.perSecond.toFixed(0)} requests/s, median latency ${middle.p50.toFixed(2)} ms (median of 3 rounds of ${requests} requests, 8 at a time)`);
    }
    await dropSchema(url);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { collaborations: { type: 'string', default: '10000' }, postgres: { type: 'string' }, requests: { type: 'string', default: '3000' } },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-ops-'));
  try {
    await benchBackup(dir, Number(values.collaborations), values.postgres);
    await benchRequests(dir, values.postgres, Number(values.requests));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
