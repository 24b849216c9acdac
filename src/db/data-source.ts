import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config';
import { Logger } from '../observability/logger';
import { entities } from './entities';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';
import { SnakeNamingStrategy } from './naming';
import { StatementCountingLogger } from './statement-counter';

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
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
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
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
    extra: { max: database.poolSize ?? 10, ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}) },
  };
}

/** Opens the database (creating the SQLite file's folder) and brings its schema up to date. */
export async function openDatabase(database: DatabaseConfig, options: { migrate?: boolean; logger?: Logger } = {}): Promise<DataSource> {
  if (database.type === 'sqlite' && database.file !== ':memory:') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
  }
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  if (database.type === 'postgres' && database.schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
  if (options.migrate !== false) {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) options.logger?.info({ migrations: applied.map((m) => m.name) }, 'applied database migrations');
  }
  return dataSource;
}
