import { EntityManager } from 'typeorm';
import { MaybePromise } from './sync-reads';

/**
 * Raw SQL written once with PostgreSQL-style `$1` placeholders, run on either database.
 * Used where QueryBuilder cannot say it: recursive CTEs and full-text search.
 */
export function rawQuery<T>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  return em.query(...inDialect(em, text, params));
}

/** The same with rows as arrays through one prepared statement per text (selectRows): for reads of many rows. */
export function rawRows(em: EntityManager, text: string, params: unknown[] = []): MaybePromise<unknown[][]> {
  return selectRows(em, ...inDialect(em, text, params));
}

function inDialect(em: EntityManager, text: string, params: unknown[]): [string, unknown[]] {
  if (em.connection.driver.options.type === 'postgres') return [text, params];
  return [text.replace(/\$\d+/g, '?'), [...text.matchAll(/\$(\d+)/g)].map((m) => params[Number(m[1]) - 1])];
}

/** Ids of the given records and everything below them in a tree table (any depth). */
export async function subtreeIds(em: EntityManager, table: string, rootIds: number[]): Promise<number[]> {
  if (!rootIds.length) return [];
  const list = rootIds.map((_, i) => `$${i + 1}`).join(', ');
  const rows = await rawQuery<{ id: number }>(
    em,
    `WITH RECURSIVE down(id) AS (
       SELECT id FROM "${table}" WHERE id IN (${list})
       UNION SELECT t.id FROM "${table}" t JOIN down ON t.parent_id = down.id
     ) SELECT id FROM down`,
    rootIds,
  );
  return rows.map((r) => Number(r.id));
}

/** Ids of the given record and all its ancestors in a tree table. */
export async function ancestorIds(em: EntityManager, table: string, id: number): Promise<number[]> {
  const rows = await rawQuery<{ id: number }>(
    em,
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM "${table}" WHERE id = $1
       UNION SELECT t.id, t.parent_id FROM "${table}" t JOIN up ON t.id = up.parent_id
     ) SELECT id FROM up`,
    [id],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * A LIKE condition "column contains this text" with the text's own `%`, `_` and `\` taken literally, the same on
 * SQLite and PostgreSQL. `param` names the bound parameter.
 */
export function containsCondition(column: string, param: string, text: string): { sql: string; params: Record<string, string> } {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return { sql: `${column} LIKE :${param} ESCAPE '\\'`, params: { [param]: `%${escaped}%` } };
}

/** `column IN (…)` for a list of ids passed as the one parameter `$n` (see idList), the same statement for any length. */
export function inIdList(em: EntityManager, column: string, n: number): string {
  return em.connection.driver.options.type === 'postgres' ? `${column} = ANY($${n}::int[])` : `${column} IN (SELECT value FROM json_each($${n}))`;
}

/** A list of ids as the parameter inIdList reads. */
export function idList(em: EntityManager, ids: Iterable<number>): unknown {
  const list = [...ids];
  return em.connection.driver.options.type === 'postgres' ? list : JSON.stringify(list);
}

export const isPostgres = (em: EntityManager): boolean => em.connection.driver.options.type === 'postgres';

/**
 * PostgreSQL: lifts the server's statement time limit (the request time limit) for the rest of this transaction,
 * for background work that no request waits for and that may rightly take longer (an index over millions of rows).
 */
export async function withoutStatementTimeout(em: EntityManager): Promise<void> {
  if (isPostgres(em)) await em.query('SET LOCAL statement_timeout = 0');
}

interface ArrayRowsClient {
  query(config: { name: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
}
interface ArrayRowsPool {
  connect(): Promise<ArrayRowsClient & { release(): void }>;
}
interface SqliteStatement {
  all(...parameters: unknown[]): unknown[][];
}

/** Prepared statements (rows as arrays) of each SQLite connection, by SQL text. */
const sqliteStatements = new WeakMap<object, Map<string, SqliteStatement>>();
/** PostgreSQL prepared statement names, one per SQL text (each pooled connection prepares it on first use). */
const postgresNames = new Map<string, string>();

/**
 * The rows of a SELECT as arrays of values in the order selected, run as one prepared statement: no object per
 * row with a property per column, which is most of what reading a wide row costs. Inside a transaction it runs
 * on the transaction's connection. Counted as TypeORM counts its own statements; values are as the driver gives
 * them, as TypeORM's own queries get them. On SQLite the rows come back at once, not as a promise (sync-reads.ts).
 */
export function selectRows(em: EntityManager, sql: string, parameters: unknown[]): MaybePromise<unknown[][]> {
  const ds = em.connection;
  ds.logger.logQuery(sql, parameters);
  if (ds.driver.options.type === 'postgres') return selectPostgresRows(em, sql, parameters);
  const connection = (ds.driver as unknown as { databaseConnection: { prepare(sql: string): { raw(on: boolean): SqliteStatement } } }).databaseConnection;
  let statements = sqliteStatements.get(connection);
  if (!statements) sqliteStatements.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = connection.prepare(sql).raw(true)));
  return statement.all(...parameters);
}

async function selectPostgresRows(em: EntityManager, sql: string, parameters: unknown[]): Promise<unknown[][]> {
  const ds = em.connection;
  const runner = em.queryRunner;
  let name = postgresNames.get(sql);
  if (!name) postgresNames.set(sql, (name = `registry_${postgresNames.size + 1}`));
  const query = { name, text: sql, values: parameters, rowMode: 'array' } as const;
  if (runner && !runner.isReleased) return (await ((await runner.connect()) as ArrayRowsClient).query(query)).rows;
  // Not pool.query: when the pool is full, it sends the query from the callback of whichever request gives a
  // client back, in that request's context, where the read budget checked would be the other request's
  // (work-budget.ts). After an await the query is sent from this request's own.
  const client = await (ds.driver as unknown as { master: ArrayRowsPool }).master.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    client.release();
  }
}

export type ColumnType = 'int' | 'float8' | 'text' | 'date';

/** Prepared INSERT statements of each SQLite connection, by SQL text. */
const sqliteInserts = new WeakMap<object, Map<string, { run(...values: unknown[]): unknown }>>();

/**
 * Inserts many rows of plain values (in the caller's transaction, which makes it fast): SQLite runs one prepared
 * INSERT per 64 rows, PostgreSQL receives each column as one array (unnest), so a batch is one statement whatever
 * its size.
 */
export async function insertMany(em: EntityManager, table: string, columns: { name: string; type: ColumnType }[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const names = columns.map((c) => c.name).join(', ');
  const ds = em.connection;
  if (ds.driver.options.type === 'postgres') {
    const arrays = columns.map((_, c) => rows.map((row) => row[c] ?? null));
    await em.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`, arrays);
    return;
  }
  const connection = (ds.driver as unknown as { databaseConnection: { prepare(sql: string): { run(...values: unknown[]): unknown } } }).databaseConnection;
  let statements = sqliteInserts.get(connection);
  if (!statements) sqliteInserts.set(connection, (statements = new Map()));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const prepared = (count: number) => {
    const sql = `INSERT INTO ${table} (${names}) VALUES ${Array(count).fill(tuple).join(', ')}`;
    ds.logger.logQuery(sql, []);
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  };
  // Rows go SQLITE_ROWS_PER_INSERT to a statement: a call into SQLite per row costs more than the row itself.
  const many = rows.length >= SQLITE_ROWS_PER_INSERT ? prepared(SQLITE_ROWS_PER_INSERT) : null;
  const width = columns.length;
  const values: unknown[] = new Array(SQLITE_ROWS_PER_INSERT * width);
  let r = 0;
  for (; many && r + SQLITE_ROWS_PER_INSERT <= rows.length; r += SQLITE_ROWS_PER_INSERT) {
    for (let j = 0; j < SQLITE_ROWS_PER_INSERT; j++) {
      const row = rows[r + j]!;
      for (let c = 0; c < width; c++) values[j * width + c] = row[c];
    }
    many.run(values);
  }
  const one = r < rows.length ? prepared(1) : null;
  for (; r < rows.length; r++) one!.run(rows[r]!);
}

const SQLITE_ROWS_PER_INSERT = 64;
