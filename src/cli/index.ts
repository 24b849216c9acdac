import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { RegistryError } from '../errors/registry-error';
import { migrate, openDatabase } from '../db/data-source';
import { printedSchema } from '../app/schema';
import { createServices, Services } from '../app/context';
import { serve } from '../main';
import { runAs } from '../modules/audit/audit';
import { Role } from '../modules/auth/api-token.entity';
import { AuthService } from '../modules/auth/auth.service';
import { isIsoDate } from '../validation/dates';
import { formatRows, ReportFormat, ReportKind, reportRows } from './report';
import { languageNamed } from '../http/language';
import { readSnapshotFile } from '../modules/snapshot/snapshot.service';
import { ImportProgress, ImportSummary } from '../modules/snapshot/snapshot.importer';
import { projectRoot } from '../config/paths';
import { sendChanges } from '../db/change-relay';
import { createLogger } from '../observability/logger';
import { BuildProgress } from '../modules/analysis/analysis.builder';
import { restoreBackup, writeBackup } from '../modules/backup/backup.service';
import { DataSource } from 'typeorm';
import { TABLE_TYPES, TableType } from '../modules/spreadsheets/table-columns';
import { exportTable } from '../modules/spreadsheets/table-export';
import { TableImportReport } from '../modules/spreadsheets/table-import';
import path from 'node:path';

const USAGE = `Usage: registry <command> [options]

Commands:
  serve                 start the GraphQL server (PORT, DATABASE_URL)
  import FILE           import a snapshot file (all or nothing, upsert on key)
  export FILE           write the whole registry as a snapshot ("-" for stdout)
  backup FILE           write a full backup: the snapshot plus deleted records, history, overlap reviews and
                        token hashes, with their ids (gzip-compressed when FILE ends in .gz)
  restore FILE [--replace]
                        restore a backup (all or nothing) into an empty database, or over everything with --replace
  migrate               apply pending database migrations
  seed                  import seeds/ (the real collaborations from the source documents)
  schema [--check]      write schema.graphql from the code, or check that it is current
  token create --role ROLE [--unit KEY]... [--name NAME] [--expires DATE]
                        create an API token; the secret is printed alone on the last line
  token list            list active tokens (never their secrets)
  token revoke NAME     revoke a token
  import-table FILE --type units|people|agreements|collaborations [--mapping FILE] [--apply]
                        read a spreadsheet (CSV in any delimiter and encoding, or XLSX): a dry run that reports
                        what each row would create or change and every row that cannot be read; --apply writes
                        it (all or nothing). The mapping is JSON: {"Column header": "field", "Ignored": null}
  export-table FILE --type units|people|agreements|collaborations
                        write one record type as CSV or XLSX (by FILE's extension); it imports back unchanged
  report overlaps|clusters|gaps [--unit KEY] [--topic T] [--format csv|json|table] [--language en|nb]
                        the overlap, cluster and coordination-gap reports (same content as the API)
  analyse               rebuild the overlap analysis (train the subject model again, pair everything) and make
                        it current; servers keep answering from the previous one until then. Shows progress.

Every command reads DATABASE_URL (default sqlite:data/registry.sqlite).`;

function progressPrinter(): ((p: ImportProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    process.stderr.write(`\r${p.phase} ${p.section}: ${p.done}/${p.total}`.padEnd(60));
    if (p.phase === 'writing' && p.section === 'collaborations' && p.done === p.total) process.stderr.write('\n');
  };
}

/** One line per phase of a rebuild, and the rows written as it goes (on a terminal). */
function analysisProgressPrinter(started: number): (p: BuildProgress) => void {
  let writing = false;
  return (p) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (p.phase === 'write') {
      if (process.stderr.isTTY) process.stderr.write(`\rwriting rows: ${p.done} (${seconds} s)`.padEnd(60));
      writing = true;
      return;
    }
    if (writing && process.stderr.isTTY) process.stderr.write('\n');
    writing = false;
    const what = { read: `read ${p.total} collaborations`, train: 'classified them', pair: `found ${p.total} flagged pairs`, done: `wrote ${p.total} rows` }[p.phase];
    process.stderr.write(`${what} (${seconds} s)\n`);
  };
}

function describe(summary: ImportSummary): string {
  return (['created', 'updated', 'unchanged'] as const)
    .map((what) => `${what}: ${Object.entries(summary[what]).map(([s, n]) => `${n} ${s}`).join(', ')}`)
    .join('\n');
}

/**
 * Runs a command on the database with the registry's services (so what it writes keeps the overlap analysis in
 * step, as a server's writes do); on PostgreSQL, what it changes is announced to the servers running on the same
 * database, so a rebuild it asks for starts at once and their copies for duplicate detection do not go stale.
 */
async function withServices<T>(fn: (services: Services, ds: DataSource) => Promise<T>): Promise<T> {
  const { database, analysisBatchRows, analysisIncrementalLimit } = loadConfig();
  const ds = await openDatabase(database);
  const logger = createLogger('warn', process.stderr);
  const services = createServices(ds, logger, { analysisBatchRows, analysisIncrementalLimit });
  const flush = database.type === 'postgres' ? sendChanges(ds, database.schema, services.changes, logger) : async () => {};
  try {
    return await fn(services, ds);
  } finally {
    await flush();
    await services.analysis.stop();
    await ds.destroy();
  }
}

/** The operator's backup key: backups are signed with it and a restore checks the signature before it writes. */
function requireBackupKey(): string {
  const key = loadConfig().backupKey;
  if (!key) throw RegistryError.of(null, 'REQUIRED', 'set REGISTRY_BACKUP_KEY (at least 32 characters, kept secret) to sign backups and to restore them');
  return key;
}

function describeRows(rows: Record<string, number>): string {
  return Object.entries(rows)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
}

function tableType(value: string | undefined): TableType {
  if (!TABLE_TYPES.includes(value as TableType)) throw RegistryError.of('--type', 'INVALID', `must be one of ${TABLE_TYPES.join(', ')}`);
  return value as TableType;
}

function readMappingFile(file: string): Record<string, unknown> {
  const mapping = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) throw RegistryError.of('--mapping', 'INVALID', `${file} must hold a JSON object: {"Column header": "field"}`);
  return mapping as Record<string, unknown>;
}

/** The report as a coordinator reads it in a terminal: the columns used, what each row does, every problem. */
function describeTableReport(report: TableImportReport): string {
  const lines = [`${report.format}${report.encoding ? ` (${report.encoding}, columns separated by ${JSON.stringify(report.delimiter)})` : ''}`];
  for (const c of report.columns) lines.push(`  column "${c.header}" → ${c.field ?? `left out: ${c.note}`}`);
  for (const r of report.rows) {
    lines.push(`  row ${r.row}: ${r.action} ${r.key}${r.fields.length ? ` (${r.fields.join(', ')})` : ''}${r.mergedFrom ? `, given as ${r.mergedFrom}, which was merged into it` : ''}`);
    for (const d of r.possibleDuplicates) lines.push(`    probably registered already as ${d.key} "${d.title}" (score ${d.score})`);
  }
  for (const p of report.problems) lines.push(`  ${p.row === null ? 'file' : `row ${p.row}`}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`);
  const count = (action: string) => report.rows.filter((r) => r.action === action).length;
  const verdict = report.problems.length ? `${report.problems.length} problem(s): nothing was written` : report.applied ? 'applied' : 'dry run: nothing was written; add --apply to write it';
  lines.push(`${count('CREATE')} to create, ${count('UPDATE')} to change, ${count('UNCHANGED')} unchanged; ${verdict}`);
  return lines.join('\n');
}

const SCHEMA_FILE = path.join(projectRoot, 'schema.graphql');

export async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      topic: { type: 'string' },
      format: { type: 'string', default: 'table' },
      language: { type: 'string', default: 'en' },
      role: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
      unit: { type: 'string', multiple: true },
      type: { type: 'string' },
      mapping: { type: 'string' },
      apply: { type: 'boolean' },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'serve':
      await serve();
      return -1;
    case 'migrate': {
      const { database } = loadConfig();
      const ds = await openDatabase(database, { migrate: false });
      const applied = await migrate(ds, database).finally(() => ds.destroy());
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'import': {
      if (!file) throw RegistryError.of(null, 'REQUIRED', 'registry import needs a FILE');
      const snapshot = readSnapshotFile(file);
      const summary = await withServices((s) => s.snapshot.import(snapshot, { onProgress: progressPrinter() }));
      console.log(describe(summary));
      return 0;
    }
    case 'export': {
      if (!file) throw RegistryError.of(null, 'REQUIRED', 'registry export needs a FILE (or - for stdout)');
      const snapshot = await withServices((s) => s.snapshot.export());
      const text = `${JSON.stringify(snapshot, null, 2)}\n`;
      if (file === '-') process.stdout.write(text);
      else {
        fs.writeFileSync(file, text);
        console.log(`wrote ${file}: ${(['topics', 'units', 'people', 'agreements', 'collaborations'] as const).map((s) => `${snapshot[s]?.length ?? 0} ${s}`).join(', ')}`);
      }
      return 0;
    }
    case 'import-table': {
      if (!file) throw RegistryError.of(null, 'REQUIRED', 'registry import-table needs a FILE');
      const type = tableType(values.type);
      const mapping = values.mapping ? readMappingFile(values.mapping) : null;
      const report = await withServices((s) => s.tables.import({ type, file: fs.readFileSync(file), mapping, apply: values.apply ?? false }));
      console.log(describeTableReport(report));
      return report.problems.length ? 1 : 0;
    }
    case 'export-table': {
      if (!file) throw RegistryError.of(null, 'REQUIRED', 'registry export-table needs a FILE ending in .csv or .xlsx');
      const type = tableType(values.type);
      const format = path.extname(file).toLowerCase() === '.xlsx' ? 'XLSX' : path.extname(file).toLowerCase() === '.csv' ? 'CSV' : null;
      if (!format) throw RegistryError.of(null, 'INVALID', `${file}: name the file .csv or .xlsx`);
      fs.writeFileSync(file, await withServices((_, ds) => exportTable(ds, type, format)));
      console.log(`wrote ${file}`);
      return 0;
    }
    case 'backup': {
      if (!file) throw RegistryError.of(null, 'REQUIRED', 'registry backup needs a FILE');
      const { rows } = await withServices((_, ds) => writeBackup(ds, file, requireBackupKey()));
      console.log(`wrote ${file}: ${describeRows(rows)}`);
      return 0;
    }
    case 'restore': {
      if (!file) throw RegistryError.of(null, 'REQUIRED', 'registry restore needs a FILE');
      const { rows } = await withServices((s, ds) => restoreBackup(ds, file, { key: requireBackupKey(), replace: values.replace, changes: s.changes }));
      console.log(`restored ${file}: ${describeRows(rows)}; the registry exports exactly the backup's snapshot`);
      return 0;
    }
    case 'seed': {
      const config = loadConfig();
      const summaries = await withServices((s) => s.snapshot.importFolder(config.seedsDir, { onProgress: progressPrinter() }));
      for (const summary of summaries) console.log(describe(summary));
      return 0;
    }
    case 'analyse': {
      const status = await withServices(async (s) => {
        const started = performance.now();
        const ran = await s.analysis.rebuild({ progress: analysisProgressPrinter(started) });
        if (!ran) {
          console.log('another process is rebuilding the analysis; waiting for it to finish');
          await s.analysis.settled();
        }
        return s.analysis.status();
      });
      console.log(`analysis ${status.modelVersion} is current: ${status.collaborations} collaborations, ${status.pairs} flagged pairs, built ${status.builtAt?.toISOString()}`);
      return 0;
    }
    case 'report': {
      const kind = file as ReportKind;
      if (!['overlaps', 'clusters', 'gaps'].includes(kind)) throw RegistryError.of(null, 'INVALID', 'registry report needs overlaps, clusters or gaps');
      const format = values.format as ReportFormat;
      if (!['csv', 'json', 'table'].includes(format)) throw RegistryError.of('--format', 'INVALID', 'must be csv, json or table');
      const language = languageNamed(values.language!);
      if (!language) throw RegistryError.of('--language', 'INVALID', 'must be en or nb (no and nn give nb)');
      const rows = await withServices((s, ds) => reportRows(ds, s, kind, { unit: values.unit?.[0], topic: values.topic }, language));
      process.stdout.write(formatRows(rows, format));
      return 0;
    }
    case 'token': {
      const ds = await openDatabase(loadConfig().database);
      try {
        const auth = new AuthService(ds);
        if (file === 'create') {
          const role = values.role?.toUpperCase() as Role;
          if (!Object.values(Role).includes(role)) throw RegistryError.of('--role', 'INVALID', `must be one of ${Object.values(Role).join(', ')}`);
          if (values.expires !== undefined && !isIsoDate(values.expires)) throw RegistryError.of('--expires', 'INVALID', 'must be a date written YYYY-MM-DD');
          const { token, secret } = await auth.create({
            name: values.name ?? `${role.toLowerCase()}-${Date.now().toString(36)}`,
            role,
            units: values.unit ?? [],
            expiresAt: values.expires ? new Date(`${values.expires}T23:59:59Z`) : null,
          });
          const scope = await auth.scopeKeys(token);
          console.log(`created token "${token.name}" (${token.role}${scope.length ? `, scope ${scope.join(', ')}` : ''}); keep the secret below, it is not stored:`);
          console.log(secret);
        } else if (file === 'list') {
          for (const t of await auth.list()) {
            console.log([t.name, t.role, (await auth.scopeKeys(t)).join(';') || '-', `created ${t.createdAt.toISOString()}`, `last used ${t.lastUsedAt?.toISOString() ?? 'never'}`, `expires ${t.expiresAt?.toISOString() ?? 'never'}`].join('\t'));
          }
        } else if (file === 'revoke') {
          const name = positionals[2];
          if (!name) throw RegistryError.of(null, 'REQUIRED', 'registry token revoke needs a NAME');
          await auth.revoke(name);
          console.log(`revoked "${name}"`);
        } else {
          throw RegistryError.of(null, 'INVALID', 'registry token needs create, list or revoke');
        }
      } finally {
        await ds.destroy();
      }
      return 0;
    }
    case 'schema': {
      const sdl = await printedSchema();
      if (values.check) {
        const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
        if (committed !== sdl) {
          console.error('schema.graphql is stale: run `npm run schema:emit` and commit it');
          return 1;
        }
        console.log('schema.graphql is current');
        return 0;
      }
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/** Entry point of bin/registry.js: errors print as one clear message, never a stack trace. */
export function main(argv: string[]): void {
  runAs('cli', () => run(argv)).then(
    (code) => {
      // Exit once stdout has drained: a report piped to a file or another program must arrive whole.
      if (code >= 0) process.stdout.write('', () => process.exit(code));
    },
    (error: unknown) => {
      if (error instanceof RegistryError) {
        console.error(error.problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('\n'));
      } else {
        console.error(error instanceof Error ? error.message : String(error));
      }
      process.exit(1);
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
