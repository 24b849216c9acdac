import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config';
import { Logger } from '../observability/logger';
import { entities } from '../app/entities';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';
import { SnakeNamingStrategy } from './naming';
import { StatementCountingLogger } from './statement-counter';
import { checkBeforeEachQuery, checkBeforeEachStatement } from './work-budget';
import { batchReads } from './read-batch';
import { serializeTransactions } from './transaction-turns';

export function dataSourceOptions(database: DatabaseConfig, statementTimeoutMs?: number): DataSourceOptions {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new StatementCountingLogger(),
    synchronize: false,
    migrationsRun: false,
  } as const;
  if (database.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      migrations: sqliteMigrations,
      // WAL lets readers proceed while an import writes; foreign keys keep references honest.
      prepareDatabase: (db: { pragma(sql: string): unknown } & Parameters<typeof checkBeforeEachStatement>[0] & Parameters<typeof batchReads>[0]) => {
        checkBeforeEachStatement(db);
        batchReads(db);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        // 64 MiB of page cache (the default is 2 MiB): a registry of a million collaborations is gigabytes, and its
        // indexes are read and written at random.
        db.pragma('cache_size = -65536');
      },
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: database.url,
    ...(database.schema ? { schema: database.schema } : {}),
    migrations: postgresMigrations,
    // Unqualified names in migrations and raw SQL resolve in the configured schema.
    extra: {
      max: database.poolSize ?? 10,
      ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}),
      // The server's statements end when its requests do: a query whose request was abandoned does not run on.
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
  };
}


/**
 * Opens the database (creating the SQLite file's folder) and brings its schema up to date. With
 * `statementTimeoutMs` (the server's request time limit), PostgreSQL ends any statement running longer; migrations
 * run before, on a connection of their own without that limit.
 */
export async function openDatabase(
  database: DatabaseConfig,
  options: { migrate?: boolean; logger?: Logger; statementTimeoutMs?: number } = {},
): Promise<DataSource> {
  if (database.type === 'sqlite' && database.file !== ':memory:') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
  }
  const timed = database.type === 'postgres' && options.statementTimeoutMs !== undefined;
  if (options.migrate !== false) {
    const migrating = new DataSource(dataSourceOptions(database));
    await migrating.initialize();
    try {
      const applied = await migrate(migrating, database);
      if (applied.length) options.logger?.info({ migrations: applied }, 'applied database migrations');
    } finally {
      if (timed) await migrating.destroy();
    }
    if (!timed) return withTurnsAndBudgets(migrating);
  }
  const dataSource = new DataSource(dataSourceOptions(database, timed ? options.statementTimeoutMs : undefined));
  await dataSource.initialize();
  return withTurnsAndBudgets(dataSource);
}

/** SQLite's transactions take turns; PostgreSQL's pooled clients check each query's read budget (work-budget.ts). */
function withTurnsAndBudgets(ds: DataSource): DataSource {
  if (ds.options.type !== 'postgres') serializeTransactions(ds);
  else checkBeforeEachQuery((ds.driver as unknown as { master: Parameters<typeof checkBeforeEachQuery>[0] }).master);
  return ds;
}

/**
 * Applies pending migrations and returns their names. On PostgreSQL, replicas starting together would each try
 * the same DDL and all but one fail: an advisory lock (one per schema) lets one migrate while the others wait,
 * then find nothing left to do. SQLite's own write lock does the same for one file.
 */
export async function migrate(dataSource: DataSource, database: DatabaseConfig): Promise<string[]> {
  if (database.type !== 'postgres') return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  const key = `collaboration-registry migrations ${database.schema ?? 'public'}`;
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    if (database.schema) await lock.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await lock.release();
  }
}
