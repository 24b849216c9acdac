/**
 * npm run bench:overlap -- --collaborations N
 *
 * Generates a synthetic registry of N collaborations, imports it into a fresh SQLite database, starts the real
 * server, and prints: full overlap analysis time, peak resident memory, pairs compared and flagged; the warm
 * first page of overlapReport and a whoWorksWith answer over HTTP; and how long after each kind of write its effect
 * is readable: create/update/delete of a collaboration → its overlaps, a unit moved → the report, an agreement
 * changed → the gaps (medians over HTTP, no full rebuild expected: the number of full builds is printed).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { startServer } from '../src/app/server';
import { Role } from '../src/modules/auth/api-token.entity';
import { generateRegistry } from './synthetic-registry';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      collaborations: { type: 'string', default: '10000' },
      repeat: { type: 'string', default: '11' },
      database: { type: 'string' },
    },
  });
  const n = Number(values.collaborations);
  const repeat = Number(values.repeat);
  if (!values.database) {
    // Generate and import here, then measure in a fresh process so its memory figures are the analysis's own.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-'));
    const file = path.join(dir, 'bench.sqlite');
    const importer = await startServer(loadConfig({ DATABASE_URL: `sqlite:${file}` }, { port: 0, host: '127.0.0.1', seedOnStart: false, logLevel: 'warn' }));
    let t = performance.now();
    const snapshot = generateRegistry(n);
    console.log(`generated ${n} collaborations in ${ms(performance.now() - t)}`);
    t = performance.now();
    await importer.services.snapshot.import(snapshot);
    console.log(`imported in ${ms(performance.now() - t)}`);
    await importer.stop();
    try {
      execFileSync(process.execPath, [__filename, '--collaborations', String(n), '--repeat', String(repeat), '--database', file], { stdio: 'inherit' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const server = await startServer(
    loadConfig({ DATABASE_URL: `sqlite:${values.database}` }, { port: 0, host: '127.0.0.1', seedOnStart: false, rateLimitPerMinute: 0, logLevel: 'warn' }),
  );
  // A portal's traffic: authenticated, so the people in whoWorksWith and the updates are allowed.
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
  try {
    const rssBefore = process.memoryUsage().rss;
    const t = performance.now();
    const stats = await server.services.analysis.stats();
    const full = performance.now() - t;
    // maxRSS: this process's peak (KiB); it only opened the database and ran the analysis.
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`full analysis: ${ms(full)}; peak RSS ${peak.toFixed(0)} MiB (${(rssBefore / 2 ** 20).toFixed(0)} MiB before it)`);
    console.log(`pairs compared: ${stats.comparisons}; flagged: ${stats.pairs} (all pairs would be ${((n * (n - 1)) / 2).toExponential(2)})`);

    const reportQuery = `{ overlapReport(first: 20) { totalCount nodes { score a { key title } b { key title } reasons { code message } } } }`;
    await gql(reportQuery);
    const report = await Promise.all(Array.from({ length: repeat }, () => 0)).then(async () => {
      const xs: number[] = [];
      for (let i = 0; i < repeat; i++) xs.push(await time(() => gql(reportQuery)));
      return xs;
    });
    console.log(`overlapReport first page (warm, median of ${repeat}): ${ms(median(report))}`);

    const whoQuery = `{ whoWorksWith(unit: "k-0", topic: "fallforebygging") { people { score person { key } } units { unit { key } } collaborations { score collaboration { key } } } }`;
    await gql(whoQuery);
    const who: number[] = [];
    for (let i = 0; i < repeat; i++) who.push(await time(() => gql(whoQuery)));
    console.log(`whoWorksWith (warm, median of ${repeat}): ${ms(median(who))}`);

    const updates: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const key = `c-${Math.floor((i * n) / repeat)}`;
      const { collaboration } = await gql(`{ collaboration(key: "${key}") { version title } }`);
      updates.push(
        await time(async () => {
          await gql(`mutation($i: CollaborationUpdateInput!) { collaborationUpdate(input: $i) { userErrors { message } } }`, {
            i: { id: key, version: collaboration.version, title: `${collaboration.title} (endret)` },
          });
          await gql(`{ collaboration(key: "${key}") { overlaps { score } } }`);
        }),
      );
    }
    console.log(`update, then that collaboration's overlaps (median of ${repeat}): ${ms(median(updates))}`);

    const creates: number[] = [];
    const deletes: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const model = await gql(`{ collaboration(key: "c-${Math.floor(((i + 0.5) * n) / repeat)}") { title summary kind startDate endDate units { role unit { key } } } }`);
      const c = model.collaboration;
      const key = `bench-new-${i}`;
      creates.push(
        await time(async () => {
          await gql(`mutation($i: CollaborationCreateInput!) { collaborationCreate(input: $i) { userErrors { message } } }`, {
            i: { key, title: c.title, summary: c.summary, kind: c.kind, startDate: c.startDate, endDate: c.endDate, units: c.units.map((u: any) => ({ unit: u.unit.key, role: u.role })) },
          });
          await gql(`{ collaboration(key: "${key}") { overlaps { score } } }`);
        }),
      );
      const { collaboration } = await gql(`{ collaboration(key: "${key}") { id version } }`);
      deletes.push(
        await time(async () => {
          await gql(`mutation($i: CollaborationDeleteInput!) { collaborationDelete(input: $i) { userErrors { message } } }`, { i: { id: collaboration.id, version: collaboration.version } });
          await gql(`{ overlapReport(first: 1, filter: { unit: "${c.units[0].unit.key}" }) { totalCount } }`);
        }),
      );
    }
    console.log(`create, then its overlaps (median of ${repeat}): ${ms(median(creates))}`);
    console.log(`delete, then the report of its unit (median of ${repeat}): ${ms(median(deletes))}`);

    const moves: number[] = [];
    for (let i = 0; i < repeat; i++) {
      // A district service moved to the district next to it, and back.
      const key = `k-0-b${i % 2}-helsetjenesten`;
      const { unit } = await gql(`{ unit(key: "${key}") { id version parent { key } } }`);
      const target = unit.parent.key === 'k-0-b0' ? 'k-0-b1' : 'k-0-b0';
      moves.push(
        await time(async () => {
          await gql(`mutation($i: UnitUpdateInput!) { unitUpdate(input: $i) { userErrors { message } } }`, { i: { id: unit.id, version: unit.version, parent: target } });
          await gql(`{ overlapReport(first: 20, filter: { unit: "${target}" }) { totalCount } }`);
        }),
      );
    }
    console.log(`unit moved, then the report (median of ${repeat}): ${ms(median(moves))}`);

    const agreementChanges: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const { agreement } = await gql(`{ agreement(key: "a-${i % 10}") { id version } }`);
      agreementChanges.push(
        await time(async () => {
          await gql(`mutation($i: AgreementUpdateInput!) { agreementUpdate(input: $i) { userErrors { message } } }`, { i: { id: agreement.id, version: agreement.version, validTo: `20${20 + (i % 9)}-12-31` } });
          await gql(`{ coordinationGaps(first: 20) { totalCount } }`);
        }),
      );
    }
    console.log(`agreement changed, then the gaps (median of ${repeat}): ${ms(median(agreementChanges))}`);
    const status = (await gql(`{ analysisStatus { collaborations pairs rebuilding modelVersion } }`)).analysisStatus;
    console.log(`full builds during all of the above: ${status.modelVersion} (1 = only the first); analysis holds ${status.collaborations} collaborations, ${status.pairs} pairs`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
