import { DataSource } from 'typeorm';

type Run = (...parameters: unknown[]) => unknown;
interface Statement extends Record<'all' | 'get' | 'run' | 'iterate', Run> {
  /** Whether it returns rows (better-sqlite3). */
  readonly reader: boolean;
}
interface SqliteConnection {
  prepare(sql: string): Statement;
  readonly inTransaction: boolean;
}

/**
 * SQLite: the reads of one slice of requests (src/http/request-turns.ts) share one read transaction. Outside a
 * transaction every statement takes and releases SQLite's file locks (two `fcntl` and one `fstat`): one key lookup
 * cost 7 µs that way and 0.6 µs inside a transaction, and W3's request runs little else. Anything else than a read
 * (a write, or a transaction TypeORM begins) first commits the batch's transaction, so writes run and commit as they
 * did without it; reads inside a transaction of TypeORM's stay in it, as before.
 */
export class ReadBatch {
  private running = false;
  /** Whether the connection's open transaction is the batch's own. */
  private ours = false;
  private readonly beginStatement: Statement;
  private readonly commitStatement: Statement;

  constructor(private readonly db: SqliteConnection) {
    this.beginStatement = db.prepare('BEGIN');
    this.commitStatement = db.prepare('COMMIT');
    const prepare = db.prepare;
    const batch = this;
    db.prepare = function (this: SqliteConnection, sql: string) {
      const statement = prepare.call(this, sql);
      const reader = statement.reader;
      for (const method of ['all', 'get', 'run', 'iterate'] as const) {
        const run = statement[method];
        statement[method] = function (this: unknown, ...parameters: unknown[]) {
          if (reader) batch.beforeRead();
          else batch.close();
          return run.apply(this, parameters);
        };
      }
      return statement;
    };
  }

  /** From now until `end`, reads outside other transactions share one. */
  begin(): void {
    this.running = true;
  }

  /** Commits the batch's transaction, if it has one open. */
  end(): void {
    this.running = false;
    this.close();
  }

  private beforeRead(): void {
    if (!this.running || this.db.inTransaction) return;
    this.beginStatement.run();
    this.ours = true;
  }

  private close(): void {
    if (!this.ours) return;
    this.ours = false;
    // An error can have rolled it back already.
    if (this.db.inTransaction) this.commitStatement.run();
  }
}

const batches = new WeakMap<object, ReadBatch>();

/** Gives a SQLite connection its read batch (at its opening, before any statement is prepared). */
export function batchReads(db: SqliteConnection): void {
  batches.set(db, new ReadBatch(db));
}

/** The read batch of a DataSource's SQLite connection, or null (PostgreSQL). */
export function readBatchOf(ds: DataSource): ReadBatch | null {
  const connection = (ds.driver as unknown as { databaseConnection?: object }).databaseConnection;
  return (connection && batches.get(connection)) ?? null;
}
