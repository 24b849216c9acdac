import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { ConnectionCut } from '../http/connection-guard';

/** What the overlap analysis reports of itself; the analysis feature implements it, metrics only read it. */
export interface AnalysisFigures {
  builds: number;
  builtInMs: number;
  collaborations: number;
  pairs: number;
}

/** What one HTTP request did, filled in as it is served and recorded when its response has been sent. */
export interface RequestRecord {
  route: string;
  method: string;
  status: number;
  durationSeconds: number;
  /** GraphQL operation name and type, when the request got as far as resolving one. */
  operation?: { name: string; type: string };
  /** Whether the caller sent no token: its operation names take no series of their own (see operationLabel). */
  anonymous: boolean;
  /** `extensions.code` of each error in the response, and codes answered before GraphQL ran (429, 413, 401…). */
  errorCodes: string[];
  /** Codes of the `userErrors` in mutation payloads. */
  userErrorCodes: string[];
  sqlStatements: number;
}

/** Operation names are chosen by clients; past this many distinct names the rest share one label value. */
export const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

let processRegistry: Registry | undefined;

/** CPU, memory, event-loop and GC figures are per process: collected once, however many servers it runs. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

function poolStats(ds: DataSource): PoolStats {
  if (ds.options.type === 'postgres') {
    const pool = (ds.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number; options: { max: number } } }).master;
    if (pool) return { max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }
  // SQLite: one connection for the process's whole life, and better-sqlite3 never makes a caller wait for it.
  return { max: 1, total: ds.isInitialized ? 1 : 0, idle: 0, waiting: 0 };
}

/** Prometheus metrics of one server (`/metrics`). */
export class Metrics {
  private readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private readonly duration: Histogram<'operation' | 'type'>;
  private readonly errors: Counter<'code' | 'kind'>;
  private readonly statements: Counter;
  private readonly cutConnections: Counter<'reason'>;

  /**
   * `knownOperations`: names that have their series from the start (the web app's operations, which anonymous
   * callers send); any other name takes one of the MAX_OPERATION_NAMES series when a token holder first sends it.
   */
  constructor(ds: DataSource, analysis: { figures(): Promise<AnalysisFigures | null> }, knownOperations: readonly string[] = []) {
    for (const name of knownOperations) if (OPERATION_NAME.test(name)) this.operationNames.add(name);
    const registers = [this.registry];
    this.requests = new Counter({ name: 'registry_http_requests_total', help: 'HTTP requests answered, by route, method and status', labelNames: ['route', 'method', 'status'], registers });
    this.duration = new Histogram({
      name: 'registry_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation name and type',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.errors = new Counter({
      name: 'registry_errors_total',
      help: 'Errors answered, by code; kind "request" = the response errors or an HTTP refusal, "user" = userErrors of a mutation',
      labelNames: ['code', 'kind'],
      registers,
    });
    this.statements = new Counter({ name: 'registry_db_statements_total', help: 'SQL statements run for GraphQL requests', registers });
    this.cutConnections = new Counter({
      name: 'registry_http_connections_cut_total',
      help: 'Connections the server refused or closed itself: "total" and "address" met a cap (REGISTRY_MAX_CONNECTIONS, REGISTRY_MAX_CONNECTIONS_PER_ADDRESS) and were answered 503; "idle" had no request under way for the receive limit; "unsent" held an answer its client did not take for the send limit',
      labelNames: ['reason'],
      registers,
    });
    const pool = (name: string, help: string, read: (s: PoolStats) => number, labels?: { state: (s: PoolStats) => Record<string, number> }) =>
      new Gauge({
        name,
        help,
        labelNames: labels ? ['state'] : [],
        registers,
        collect() {
          const stats = poolStats(ds);
          if (labels) for (const [state, value] of Object.entries(labels.state(stats))) this.set({ state }, value);
          else this.set(read(stats));
        },
      });
    pool('registry_db_pool_max', 'Largest number of database connections the pool may open', (s) => s.max);
    pool('registry_db_pool_connections', 'Open database connections, by state', () => 0, { state: (s) => ({ in_use: s.total - s.idle, idle: s.idle }) });
    pool('registry_db_pool_waiting', 'Queries waiting for a free database connection', (s) => s.waiting);
    // Read from the analysis as it stands: a scrape must never start a build.
    const analysisGauge = (name: string, help: string, read: (b: AnalysisFigures) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          const built = await analysis.figures();
          this.set(built ? read(built) : 0);
        },
      });
    analysisGauge('registry_analysis_builds', 'Full overlap analyses built since start (0: not built yet)', (b) => b.builds);
    analysisGauge('registry_analysis_last_build_seconds', 'How long the last full overlap analysis took', (b) => b.builtInMs / 1000);
    analysisGauge('registry_analysis_collaborations', 'Collaborations in the overlap analysis', (b) => b.collaborations);
    analysisGauge('registry_analysis_pairs', 'Overlapping pairs the analysis holds', (b) => b.pairs);
  }

  record(r: RequestRecord): void {
    this.requests.inc({ route: r.route, method: r.method, status: String(r.status) });
    for (const code of r.errorCodes) this.errors.inc({ code, kind: 'request' });
    for (const code of r.userErrorCodes) this.errors.inc({ code, kind: 'user' });
    if (r.route !== 'graphql') return;
    // A counter refuses to go down, and its throw would end the process from a 'close' handler.
    this.statements.inc(Math.max(0, r.sqlStatements));
    const operation = r.operation ? this.operationLabel(r.operation.name, r.anonymous) : '(none)';
    this.duration.observe({ operation, type: r.operation?.type ?? '(none)' }, r.durationSeconds);
  }

  /** A connection refused or closed by src/http/connection-guard.ts: no request of its records it. */
  connectionCut(reason: ConnectionCut): void {
    this.cutConnections.inc({ reason });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  /**
   * An anonymous caller could otherwise fill every series with made-up names (one request each) before the names
   * anyone watches were first sent; a token holder is known and rate limited on its own budget.
   */
  private operationLabel(name: string, anonymous: boolean): string {
    if (name === '(anonymous)') return name;
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (this.operationNames.has(name)) return name;
    if (anonymous || this.operationNames.size >= MAX_OPERATION_NAMES) return '(other)';
    this.operationNames.add(name);
    return name;
  }
}
