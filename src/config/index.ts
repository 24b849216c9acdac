import path from 'node:path';
import { projectRoot } from './paths';
import { LOG_LEVELS, LogLevel } from '../observability/logger';

/** The database the registry runs on, parsed from `DATABASE_URL`. */
export type DatabaseConfig =
  | { type: 'sqlite'; file: string }
  | { type: 'postgres'; url: string; schema?: string; poolSize?: number };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Adds `extensions.diagnostics { sqlStatements durationMs }` to every GraphQL response. */
  diagnostics: boolean;
  /** Development mode shows stack traces in errors; everything else hides them. */
  development: boolean;
  /** Load `seeds/` into an empty database at start. */
  seedOnStart: boolean;
  seedsDir: string;
  /** Folder of the built web app (`npm run build` writes it), served at `/`; when it has no index.html, `/` redirects to the IDE. */
  webDir: string;
  /** Largest request body accepted on /graphql; larger ones get 413. */
  maxBodyBytes: number;
  /** Largest body for an importRegistry request (ADMIN only). */
  maxImportBodyBytes: number;
  /**
   * How long a request's headers may take to arrive, and then its body: a client that sends a byte now and then
   * holds its connection no longer than this.
   */
  receiveTimeoutMs: number;
  /** The same for the body of an ADMIN's request (a snapshot import of up to maxImportBodyBytes). */
  importReceiveTimeoutMs: number;
  /** A connection whose client leaves its answer unsent (not reading) this long without a pause is closed. */
  sendTimeoutMs: number;
  /** Connections held open at once, in all; 0 = no cap. */
  maxConnections: number;
  /** Connections held open at once from one socket address; 0 = no cap (the default behind proxies). */
  maxConnectionsPerAddress: number;
  /** Largest serialised GraphQL response; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
  /** Anonymous callers may read organisational data (never personal fields, never mutations). */
  anonymousRead: boolean;
  introspection: boolean;
  limits: QueryLimits;
  /** Requests per minute per token and per IP address (token bucket, bursts up to the same number); 0 = off. */
  rateLimitPerMinute: number;
  /** Where the rate limiter keeps its buckets: this process's memory, or PostgreSQL (shared by all replicas). */
  rateLimitStore: 'memory' | 'postgres';
  /** Proxies (load balancers) in front of the server that append to X-Forwarded-For; 0 = use the socket address. */
  trustProxyHops: number;
  /** Lowest level written to the JSON log on stdout. */
  logLevel: LogLevel;
  /** When set, GET /metrics needs `Authorization: Bearer <this>`. */
  metricsToken: string | null;
  /** Signs backups (HMAC-SHA256) and verifies them before a restore writes anything; at least 32 characters. */
  backupKey: string | null;
  /** Longest time one request may run before it is answered with an error. */
  executionTimeoutMs: number;
  /**
   * How long an anonymous query may run before its next database statement is refused with QUERY_TOO_COSTLY
   * (src/db/work-budget.ts); 0 = no budget. A single long statement on PostgreSQL has statementTimeoutMs.
   */
  readBudgetMs: number;
  /** The same for a query with a token (exports of a large registry need more; tokens are known and rate limited). */
  tokenReadBudgetMs: number;
  /** PostgreSQL: the longest any statement of the server may run (statement_timeout); by default the request time limit. */
  statementTimeoutMs: number;
  /** Browser origins allowed to call the API cross-origin (CORS); empty = same origin only. */
  corsOrigins: string[];
  /** Queries run as code compiled once per distinct document (graphql-jit); off = graphql-js `execute`. */
  compiledExecution: boolean;
  /** Rows a rebuild of the overlap analysis writes per transaction: smaller, shorter waits for writes meanwhile. */
  analysisBatchRows: number;
  /** A write affecting more collaborations than this (a big unit changed) asks for a rebuild instead of waiting. */
  analysisIncrementalLimit: number;
  /** Repeats of accepted query documents are answered without Apollo's per-request pipeline (needs compiledExecution). */
  fastPath: boolean;
}

/** Limits checked before a query runs (each configurable; rejections name the limit and the value). */
export interface QueryLimits {
  depth: number;
  aliases: number;
  tokens: number;
  /** Fields a query could return at most: each field counted once per item of every list above it. */
  cost: number;
}

export class ConfigError extends Error {}

const DEFAULT_SQLITE_FILE = 'data/registry.sqlite';

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const value = raw?.trim() || `sqlite:${DEFAULT_SQLITE_FILE}`;
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/registry.sqlite');
    return { type: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    // ?schema=NAME keeps the registry in its own schema (tests use a fresh one per run).
    const url = new URL(value);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new ConfigError(`DATABASE_URL: schema "${schema}" must be a plain lower-case identifier`);
    return { type: 'postgres', url: url.toString(), ...(schema ? { schema } : {}) };
  }
  throw new ConfigError(`DATABASE_URL: unsupported "${value}"; use sqlite:<path> or postgres://…`);
}

function parseBackupKey(raw: string | undefined): string | null {
  if (!raw) return null;
  if (raw.length < 32) throw new ConfigError('REGISTRY_BACKUP_KEY: use at least 32 characters (e.g. `openssl rand -hex 32`)');
  return raw;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name}: expected on/off (1/0, true/false), got "${raw}"`);
}

function parseWholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name}: expected a positive whole number, got "${raw}"`);
  return value;
}

function parseChoice<T extends string>(name: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name}: expected one of ${choices.join(', ')}, got "${raw}"`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT: expected a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/** The one place environment variables are read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const executionTimeoutMs = parseWholeNumber('REGISTRY_EXECUTION_TIMEOUT_MS', env.REGISTRY_EXECUTION_TIMEOUT_MS, 30000);
  const database = parseDatabaseUrl(env.DATABASE_URL);
  const trustProxyHops = env.REGISTRY_TRUST_PROXY_HOPS === '0' ? 0 : parseWholeNumber('REGISTRY_TRUST_PROXY_HOPS', env.REGISTRY_TRUST_PROXY_HOPS, 0);
  const rateLimitStore = parseChoice('REGISTRY_RATE_LIMIT_STORE', env.REGISTRY_RATE_LIMIT_STORE, ['memory', 'postgres'] as const, 'memory');
  if (rateLimitStore === 'postgres' && database.type !== 'postgres') throw new ConfigError('REGISTRY_RATE_LIMIT_STORE: postgres needs a postgres:// DATABASE_URL');
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    database,
    diagnostics: parseBoolean('REGISTRY_DIAGNOSTICS', env.REGISTRY_DIAGNOSTICS, false),
    development: env.NODE_ENV === 'development',
    seedOnStart: parseBoolean('REGISTRY_SEED', env.REGISTRY_SEED, true),
    seedsDir: path.resolve(env.REGISTRY_SEEDS_DIR || path.join(projectRoot, 'seeds')),
    webDir: path.resolve(env.REGISTRY_WEB_DIR || path.join(projectRoot, 'dist', 'web')),
    maxBodyBytes: parseWholeNumber('REGISTRY_MAX_BODY_BYTES', env.REGISTRY_MAX_BODY_BYTES, 1024 * 1024),
    maxImportBodyBytes: parseWholeNumber('REGISTRY_MAX_IMPORT_BYTES', env.REGISTRY_MAX_IMPORT_BYTES, 64 * 1024 * 1024),
    receiveTimeoutMs: parseWholeNumber('REGISTRY_RECEIVE_TIMEOUT_MS', env.REGISTRY_RECEIVE_TIMEOUT_MS, 10000),
    importReceiveTimeoutMs: parseWholeNumber('REGISTRY_IMPORT_RECEIVE_TIMEOUT_MS', env.REGISTRY_IMPORT_RECEIVE_TIMEOUT_MS, 300000),
    sendTimeoutMs: parseWholeNumber('REGISTRY_SEND_TIMEOUT_MS', env.REGISTRY_SEND_TIMEOUT_MS, 30000),
    maxConnections: env.REGISTRY_MAX_CONNECTIONS === '0' ? 0 : parseWholeNumber('REGISTRY_MAX_CONNECTIONS', env.REGISTRY_MAX_CONNECTIONS, 2048),
    // Behind a proxy every client has the proxy's address: a cap per address would cap the proxy.
    maxConnectionsPerAddress:
      env.REGISTRY_MAX_CONNECTIONS_PER_ADDRESS === '0' ? 0 : parseWholeNumber('REGISTRY_MAX_CONNECTIONS_PER_ADDRESS', env.REGISTRY_MAX_CONNECTIONS_PER_ADDRESS, trustProxyHops ? 0 : 256),
    maxResponseBytes: parseWholeNumber('REGISTRY_MAX_RESPONSE_BYTES', env.REGISTRY_MAX_RESPONSE_BYTES, 8 * 1024 * 1024),
    anonymousRead: parseBoolean('REGISTRY_ANONYMOUS_READ', env.REGISTRY_ANONYMOUS_READ, true),
    introspection: parseBoolean('REGISTRY_INTROSPECTION', env.REGISTRY_INTROSPECTION, true),
    limits: {
      depth: parseWholeNumber('REGISTRY_MAX_DEPTH', env.REGISTRY_MAX_DEPTH, 12),
      aliases: parseWholeNumber('REGISTRY_MAX_ALIASES', env.REGISTRY_MAX_ALIASES, 30),
      tokens: parseWholeNumber('REGISTRY_MAX_TOKENS', env.REGISTRY_MAX_TOKENS, 5000),
      cost: parseWholeNumber('REGISTRY_MAX_COST', env.REGISTRY_MAX_COST, 300000),
    },
    rateLimitPerMinute: env.REGISTRY_RATE_LIMIT === '0' ? 0 : parseWholeNumber('REGISTRY_RATE_LIMIT', env.REGISTRY_RATE_LIMIT, 600),
    rateLimitStore,
    trustProxyHops,
    logLevel: parseChoice('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'info'),
    metricsToken: env.REGISTRY_METRICS_TOKEN || null,
    backupKey: parseBackupKey(env.REGISTRY_BACKUP_KEY),
    executionTimeoutMs,
    readBudgetMs: env.REGISTRY_READ_BUDGET_MS === '0' ? 0 : parseWholeNumber('REGISTRY_READ_BUDGET_MS', env.REGISTRY_READ_BUDGET_MS, 1000),
    tokenReadBudgetMs: env.REGISTRY_TOKEN_READ_BUDGET_MS === '0' ? 0 : parseWholeNumber('REGISTRY_TOKEN_READ_BUDGET_MS', env.REGISTRY_TOKEN_READ_BUDGET_MS, 10000),
    statementTimeoutMs: parseWholeNumber('REGISTRY_STATEMENT_TIMEOUT_MS', env.REGISTRY_STATEMENT_TIMEOUT_MS, executionTimeoutMs),
    compiledExecution: parseBoolean('REGISTRY_COMPILED_EXECUTION', env.REGISTRY_COMPILED_EXECUTION, true),
    analysisBatchRows: parseWholeNumber('REGISTRY_ANALYSIS_BATCH_ROWS', env.REGISTRY_ANALYSIS_BATCH_ROWS, 5000),
    analysisIncrementalLimit: parseWholeNumber('REGISTRY_ANALYSIS_INCREMENTAL_LIMIT', env.REGISTRY_ANALYSIS_INCREMENTAL_LIMIT, 2000),
    fastPath: parseBoolean('REGISTRY_FAST_PATH', env.REGISTRY_FAST_PATH, true),
    corsOrigins: (env.REGISTRY_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    ...overrides,
  };
}
