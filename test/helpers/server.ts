import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Config, loadConfig } from '../../src/config';
import { RunningServer, startServer } from '../../src/app/server';
import { Role } from '../../src/modules/auth/api-token.entity';
import { Logger } from '../../src/observability/logger';

export const onPostgres = () => process.env.REGISTRY_TEST_DB === 'postgres';

/**
 * A fresh database: a SQLite file in `dir`, or a new schema on TEST_DATABASE_URL in the PostgreSQL project
 * (`on` picks one explicitly, for tests that compare the two).
 */
export function testDatabaseUrl(dir: string, name = 'registry', on: 'sqlite' | 'postgres' = onPostgres() ? 'postgres' : 'sqlite'): string {
  if (on === 'sqlite') return `sqlite:${path.join(dir, `${name}.sqlite`)}`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.set('schema', `t_${path.basename(dir)}_${name}`.replace(/\W/g, '_').toLowerCase());
  return url.toString();
}

/** Drops the PostgreSQL schemas of databases made with testDatabaseUrl (SQLite files go with their folder). */
export async function dropTestDatabases(urls: string[]): Promise<void> {
  if (!onPostgres()) return;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const url of urls.filter((u) => u.startsWith('postgres'))) await client.query(`DROP SCHEMA IF EXISTS "${new URL(url).searchParams.get('schema')}" CASCADE`);
  } finally {
    await client.end();
  }
}

export const DEV_REGISTRY = path.join(__dirname, '..', 'fixtures', 'dev-registry.json');
export const DEV_LABELS = path.join(__dirname, '..', 'fixtures', 'dev-labels.json');

export function devRegistry(): Record<string, unknown> & { collaborations: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(DEV_REGISTRY, 'utf8'));
}

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[]; locations?: { line: number; column: number }[] }[];
  extensions?: Record<string, any>;
}

export interface TestServer extends RunningServer {
  dir: string;
  /** DATABASE_URL of this server's database, for running the registry command against it. */
  databaseUrl: string;
  /** Secret of an ADMIN token created for the test. */
  adminToken: string;
  /** GraphQL over HTTP as the test's ADMIN. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** GraphQL over HTTP with another token, or anonymously (null). */
  gqlAs<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Creates a token and returns its secret. */
  token(role: 'VIEWER' | 'EDITOR' | 'COORDINATOR' | 'ADMIN', units?: string[]): Promise<string>;
  /** Every record of the registry, to check that a refused change left the data exactly as it was. */
  snapshot(): Promise<unknown>;
  close(): Promise<void>;
}

/** The real server on a free port with a fresh SQLite file; optionally loaded with the dev registry or the seeds. */
export async function startTestServer(
  options: { dev?: boolean; seeds?: boolean; config?: Partial<Config>; logger?: Logger; database?: 'sqlite' | 'postgres' } = {},
): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-test-'));
  const databaseUrl = testDatabaseUrl(dir, 'registry', options.database);
  const config = loadConfig(
    { DATABASE_URL: databaseUrl },
    { port: 0, host: '127.0.0.1', seedOnStart: options.seeds ?? false, rateLimitPerMinute: 0, logLevel: 'silent', ...options.config },
  );
  const server = await startServer(config, { logger: options.logger });
  try {
    if (options.dev) {
      await server.services.snapshot.import(devRegistry());
      // A whole registry imported is analysed by a rebuild in the background: tests read its result.
      await server.services.analysis.settled();
    }
  } catch (error) {
    // A server the test never receives would keep its pool and port open, and Jest would wait for ever.
    await server.stop();
    throw error;
  }
  let tokens = 0;
  const token = async (role: 'VIEWER' | 'EDITOR' | 'COORDINATOR' | 'ADMIN', units?: string[]) =>
    (await server.services.auth.create({ name: `test-${role.toLowerCase()}-${++tokens}`, role: role as Role, units })).secret;
  const adminToken = await token('ADMIN');
  const gqlAs = async (secret: string | null, query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse;
    return { ...body, status: res.status };
  };
  return {
    ...server,
    dir,
    databaseUrl,
    adminToken,
    token,
    gqlAs,
    gql: (query, variables) => gqlAs(adminToken, query, variables),
    snapshot: () => server.services.snapshot.export(),
    async close() {
      await server.stop();
      await dropTestDatabases([databaseUrl]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
