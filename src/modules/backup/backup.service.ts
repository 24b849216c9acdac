import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { Readable, Writable } from 'node:stream';
import zlib from 'node:zlib';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeFeed } from '../../db/change-feed';
import { RegistryError } from '../../errors/registry-error';
import { runWriteHooks } from '../../db/write-hooks';
import { rawQuery } from '../../db/sql';
import { Collaboration } from '../collaborations/collaboration.entity';
import { indexCollaborations } from '../collaborations/collaboration.search';
import { exportSnapshot } from '../snapshot/snapshot.exporter';
import { Snapshot, stableJson } from '../snapshot/snapshot.format';
import { BackupTable, backupTables, fromJson, toJson } from './backup.tables';

export const BACKUP_FORMAT = 'collaboration-registry-backup';
export const BACKUP_VERSION = 1;
const ROWS_PER_LINE = 1000;

/**
 * The backup file, one JSON document per line (gzip-compressed when the name ends in .gz):
 *   {"format", "version", "createdAt", "database", "tables": {table: [column…]}}
 *   {"snapshot": <the snapshot export of the live registry>}
 *   {"table": name, "rows": [[value…]…]}            (tables in dependency order, up to 1000 rows a line)
 *   {"end": {"rows": {table: count}}}                (a file without it is truncated)
 * The table rows are everything, deleted records, history, reviews and token hashes included, with their ids,
 * so global ids stay valid after a restore. The snapshot is the human-readable, version-independent copy of the
 * live data; a restore checks that the restored registry exports exactly it.
 */
interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  database: string;
  tables: Record<string, string[]>;
}

export interface BackupSummary {
  rows: Record<string, number>;
}

/**
 * Writes a consistent copy of the whole registry: all tables are read in one read-only transaction. The file is
 * written under a temporary name and renamed when complete, so a failed backup never replaces a good one.
 */
export async function writeBackup(ds: DataSource, file: string, key: string): Promise<BackupSummary> {
  if (!fs.existsSync(path.dirname(path.resolve(file)))) throw RegistryError.of(null, 'NOT_FOUND', `${file}: the folder ${path.dirname(path.resolve(file))} does not exist`);
  const tables = backupTables(ds);
  const runner = ds.createQueryRunner();
  await runner.connect();
  // PostgreSQL: one snapshot for every table while writers go on. SQLite: a read transaction is one snapshot too.
  await runner.startTransaction(ds.options.type === 'postgres' ? 'REPEATABLE READ' : undefined);
  const partial = `${file}.partial`;
  const fileStream = fs.createWriteStream(partial);
  const stream: Writable = file.endsWith('.gz') ? zlib.createGzip() : fileStream;
  if (stream !== fileStream) stream.pipe(fileStream);
  const signature = createHmac('sha256', key);
  const write = async (value: unknown) => {
    const text = `${JSON.stringify(value)}\n`;
    signature.update(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  const rows: Record<string, number> = {};
  let complete = false;
  try {
    const em = runner.manager;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      database: ds.options.type === 'postgres' ? 'postgres' : 'sqlite',
      tables: Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.databaseName)])),
    };
    await write(header);
    await write({ snapshot: await exportSnapshot(em) });
    for (const table of tables) {
      rows[table.name] = 0;
      const id = table.metadata.primaryColumns[0]!.databaseName;
      let after = -1;
      for (;;) {
        const page = await rawQuery<Record<string, unknown>>(em, `SELECT * FROM "${table.name}" WHERE "${id}" > $1 ORDER BY "${id}" LIMIT ${ROWS_PER_LINE}`, [after]);
        if (!page.length) break;
        await write({ table: table.name, rows: page.map((row) => table.columns.map((c) => toJson(ds, c, row[c.databaseName]))) });
        rows[table.name] += page.length;
        after = Number(page[page.length - 1]![id]);
      }
    }
    const end = JSON.stringify({ end: { rows, mac: signature.update(JSON.stringify(rows)).digest('hex') } });
    if (!stream.write(`${end}\n`)) await once(stream, 'drain');
    complete = true;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
    stream.end();
    if (!fileStream.closed) await once(fileStream, 'close').catch(() => undefined);
    if (complete) fs.renameSync(partial, file);
    else fs.rmSync(partial, { force: true });
  }
  return { rows };
}

/** The file's lines; call just before reading them (readline drops lines emitted before iteration starts). */
function lines(file: string): AsyncIterable<string> {
  let input: Readable = fs.createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

const invalid = (where: string, message: string) => RegistryError.of(null, 'INVALID', `${where}: ${message}`);

/**
 * Follows a backup's lines and checks its signature at the end line: every line before it, as written, and the
 * row counts, under HMAC-SHA256 with the operator's key. A file that was edited (an added token, a forged history
 * entry, a changed row) or signed with another key does not match.
 */
class SignatureCheck {
  private readonly mac: ReturnType<typeof createHmac>;

  constructor(
    private readonly file: string,
    key: string,
  ) {
    this.mac = createHmac('sha256', key);
  }

  line(text: string): void {
    this.mac.update(`${text}\n`);
  }

  end(end: { rows?: unknown; mac?: unknown }): void {
    if (typeof end.mac !== 'string' || !/^[0-9a-f]{64}$/.test(end.mac)) throw invalid(this.file, 'the backup is not signed; nothing was restored');
    const expected = this.mac.update(JSON.stringify(end.rows)).digest();
    if (!timingSafeEqual(expected, Buffer.from(end.mac, 'hex'))) {
      throw invalid(this.file, 'the signature does not match: the file was changed after it was written, or signed with another key; nothing was restored');
    }
  }
}

/** Reads the whole file once to check its signature, before a restore touches the database. */
async function verifyBackup(file: string, key: string, tables: BackupTable[]): Promise<void> {
  const check = new SignatureCheck(file, key);
  let first = true;
  for await (const text of lines(file)) {
    if (first && text.trim()) {
      first = false;
      let header: unknown;
      try {
        header = JSON.parse(text);
      } catch {
        header = null;
      }
      // Not a backup at all, or another version's: say that, rather than that a signature is missing.
      checkHeader(file, header, tables);
    }
    let end: unknown;
    try {
      end = (JSON.parse(text) as { end?: unknown }).end;
    } catch {
      end = undefined;
    }
    if (end && typeof end === 'object') return check.end(end as { rows?: unknown; mac?: unknown });
    check.line(text);
  }
  throw invalid(file, 'the backup is truncated (no end line); nothing was restored');
}

/** A parent chain that comes back to where it started: a tree table a restore would leave broken. */
async function assertNoCycles(em: EntityManager, table: BackupTable, file: string): Promise<void> {
  for (const column of table.selfReferences) {
    const rows = await rawQuery<{ id: number; parent: number | null }>(em, `SELECT id, "${column}" AS parent FROM "${table.name}" WHERE "${column}" IS NOT NULL`);
    const parentOf = new Map(rows.map((r) => [Number(r.id), Number(r.parent)]));
    const settled = new Set<number>();
    for (const start of parentOf.keys()) {
      const path = new Set<number>();
      for (let at: number | undefined = start; at !== undefined && !settled.has(at); at = parentOf.get(at)) {
        if (path.has(at)) throw invalid(file, `table "${table.name}": row ${at} is its own ancestor through "${column}"; nothing was restored`);
        path.add(at);
      }
      for (const id of path) settled.add(id);
    }
  }
}

function checkHeader(file: string, header: unknown, tables: BackupTable[]): BackupHeader {
  const h = header as Partial<BackupHeader> | null;
  if (!h || h.format !== BACKUP_FORMAT) throw invalid(file, `not a registry backup (the first line must have "format": "${BACKUP_FORMAT}")`);
  if (h.version !== BACKUP_VERSION) throw invalid(file, `backup format version ${String(h.version)} is not supported (this registry reads version ${BACKUP_VERSION})`);
  for (const table of tables) {
    const expected = table.columns.map((c) => c.databaseName);
    const given = h.tables?.[table.name];
    if (!given) throw invalid(file, `the backup has no table "${table.name}"; restore it with the registry version that made it`);
    if (stableJson([...given].sort()) !== stableJson([...expected].sort())) {
      throw invalid(file, `table "${table.name}" has columns ${given.join(', ')}, this registry has ${expected.join(', ')}; restore with the registry version that made the backup`);
    }
  }
  const unknown = Object.keys(h.tables ?? {}).filter((name) => !tables.some((t) => t.name === name));
  if (unknown.length) throw invalid(file, `unknown tables ${unknown.join(', ')}; restore with the registry version that made the backup`);
  return h as BackupHeader;
}

async function isEmpty(em: EntityManager, tables: BackupTable[]): Promise<boolean> {
  for (const t of tables) if ((await rawQuery(em, `SELECT 1 FROM "${t.name}" LIMIT 1`)).length) return false;
  return true;
}

/** Sets each id sequence past the largest restored id (and never back), so new records get fresh ids. */
async function advanceSequences(em: EntityManager, tables: BackupTable[]): Promise<void> {
  if (em.connection.options.type !== 'postgres') return; // SQLite's AUTOINCREMENT follows inserted ids by itself.
  for (const t of tables) {
    const id = t.metadata.primaryColumns[0]!;
    if (id.generationStrategy !== 'increment') continue;
    const [{ seq }] = await rawQuery<{ seq: string | null }>(em, `SELECT pg_get_serial_sequence($1, $2) AS seq`, [`"${t.name}"`, id.databaseName]);
    if (!seq) continue;
    await rawQuery(em, `SELECT setval($1, GREATEST((SELECT COALESCE(MAX("${id.databaseName}"), 0) FROM "${t.name}"), (SELECT last_value FROM ${seq}), 1))`, [seq]);
  }
}

export interface RestoreOptions {
  /** The key the backup was signed with (REGISTRY_BACKUP_KEY). */
  key: string;
  /** Replace a registry that has data; without it, restore only into an empty one. */
  replace?: boolean;
  changes?: ChangeFeed;
}

/**
 * Restores a backup in one transaction: the registry is the backup's afterwards, or (on any error: truncated
 * file, wrong version, a snapshot that does not match the rows) exactly what it was before.
 */
export async function restoreBackup(ds: DataSource, file: string, options: RestoreOptions): Promise<BackupSummary> {
  const tables = backupTables(ds);
  if (!fs.existsSync(file)) throw RegistryError.of(null, 'NOT_FOUND', `${file}: no such file`);
  await verifyBackup(file, options.key, tables);
  // Checked again while restoring, before the commit: the file may have changed since it was verified.
  const signature = new SignatureCheck(file, options.key);
  const summary = await ds.transaction(async (em) => {
    if (!(await isEmpty(em, tables))) {
      if (!options.replace) throw RegistryError.of(null, 'CONFLICT', 'the registry already has data: restore into an empty database, or pass --replace to replace everything in it');
      await rawQuery(em, 'DELETE FROM collaboration_search');
      for (const t of [...tables].reverse()) {
        // RESTRICT is checked row by row: unhook a table from itself before emptying it.
        for (const column of t.selfReferences) await rawQuery(em, `UPDATE "${t.name}" SET "${column}" = NULL WHERE "${column}" IS NOT NULL`);
        await rawQuery(em, `DELETE FROM "${t.name}"`);
      }
    }
    let header: BackupHeader | undefined;
    let snapshot: Snapshot | undefined;
    let end: { rows: Record<string, number> } | undefined;
    const rows: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]));
    const pending: { table: BackupTable; column: string; id: unknown; value: unknown }[] = [];
    let lineNo = 0;
    for await (const text of lines(file)) {
      lineNo += 1;
      if (!text.trim()) continue;
      const where = `${file} line ${lineNo}`;
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw invalid(where, 'not valid JSON (is the file damaged?)');
      }
      if (end) throw invalid(where, 'data after the end line');
      if (!('end' in line)) signature.line(text);
      if (!header) {
        header = checkHeader(file, line, tables);
        continue;
      }
      if ('snapshot' in line) {
        snapshot = line.snapshot as Snapshot;
        continue;
      }
      if ('end' in line) {
        end = line.end as { rows: Record<string, number> };
        signature.end(end);
        continue;
      }
      const table = tables.find((t) => t.name === line.table);
      if (!table || !Array.isArray(line.rows)) throw invalid(where, `expected {"table", "rows"} of a known table, got ${JSON.stringify(Object.keys(line))}`);
      await insertRows(em, table, header.tables[table.name]!, line.rows as unknown[][], where, pending);
      rows[table.name] += line.rows.length;
    }
    if (!header) throw invalid(file, 'the file is empty');
    if (!end) throw invalid(file, 'the backup is truncated (no end line); nothing was restored');
    for (const t of tables) {
      if ((end.rows[t.name] ?? 0) !== rows[t.name]) throw invalid(file, `table "${t.name}": the end line says ${end.rows[t.name] ?? 0} rows, the file has ${rows[t.name]}`);
    }
    for (const p of pending) {
      const id = p.table.metadata.primaryColumns[0]!.databaseName;
      await rawQuery(em, `UPDATE "${p.table.name}" SET "${p.column}" = $1 WHERE "${id}" = $2`, [p.value, p.id]);
    }
    for (const t of tables) await assertNoCycles(em, t, file);
    await advanceSequences(em, tables);
    const live = await em.getRepository(Collaboration).find({ select: { id: true, title: true, summary: true, keywords: true } });
    for (let i = 0; i < live.length; i += 500) await indexCollaborations(em, live.slice(i, i + 500));
    if (!snapshot) throw invalid(file, 'the backup has no snapshot line');
    if (stableJson(await exportSnapshot(em)) !== stableJson(snapshot)) {
      throw invalid(file, 'the restored rows do not export to the snapshot stored in the backup (the file was edited or damaged); nothing was restored');
    }
    await runWriteHooks(em, { kind: 'replaced' });
    return { rows };
  });
  options.changes?.registryChanged();
  return summary;
}

async function insertRows(
  em: EntityManager,
  table: BackupTable,
  fileColumns: string[],
  lineRows: unknown[][],
  where: string,
  pending: { table: BackupTable; column: string; id: unknown; value: unknown }[],
): Promise<void> {
  const ds = em.connection;
  const columns = fileColumns.map((name) => table.columns.find((c) => c.databaseName === name)!);
  const idIndex = fileColumns.indexOf(table.metadata.primaryColumns[0]!.databaseName);
  const values: unknown[][] = lineRows.map((row, i) => {
    if (!Array.isArray(row) || row.length !== columns.length) throw invalid(where, `row ${i} of "${table.name}" has ${Array.isArray(row) ? row.length : 'no'} values, expected ${columns.length}`);
    return row.map((value, c) => {
      const column = columns[c]!;
      const stored = fromJson(ds, column, value);
      // A parent may have a larger id than its child: point to it once every row of the table is in.
      if (table.selfReferences.includes(column.databaseName) && stored !== null) {
        pending.push({ table, column: column.databaseName, id: fromJson(ds, columns[idIndex]!, row[idIndex]), value: stored });
        return null;
      }
      return stored;
    });
  });
  // Stay well under both databases' limits on bound parameters per statement.
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < values.length; i += perStatement) {
    const chunk = values.slice(i, i + perStatement);
    const placeholders = chunk.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await rawQuery(em, `INSERT INTO "${table.name}" (${fileColumns.map((c) => `"${c}"`).join(', ')}) VALUES ${placeholders}`, chunk.flat());
  }
}
