import { isPromise } from 'node:util/types';
import { currentTrace, StatementStats } from '../observability/request-trace';

/**
 * The time one read may run, checked right before each of its statements runs (SQLite and PostgreSQL): once its
 * budget has run out, it may start no further statement. SQLite's reads run synchronously on the event loop, so a query of a
 * few hundred bytes that fans out into thousands of statements (a list with search text under each of 100 units,
 * reached again through `parent` and `ancestors`) held the whole server for seconds, and the request time limit
 * cannot interrupt synchronous work. The cost limit counts fields, not statements, and what a statement costs
 * (building it as much as running it) depends on the data; this bounds what the cost limit cannot see. Counted by
 * the clock: the process's CPU time also counts its garbage collector's threads and background work, and refused
 * small reads after a large one. Time a read spends waiting for shared work (the first overlap analysis, the
 * duplicate copy's update; see sharedWork) is not counted. A single long statement still runs to its end.
 */
export class WorkBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    // A refusal, not a fault: no stack is taken. A fan-out refused on PostgreSQL meets it once per statement it
    // had already queued (thousands), and taking and printing their stacks was a fifth of the time it held the server.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`The query ran longer than its budget of ${budgetMs} ms; ask for fewer nested lists, smaller pages or fewer aliases.`);
    Error.stackTraceLimit = limit;
    this.name = 'WorkBudgetExceeded';
  }
}

/** Gives the request's operation its budget, from now. */
export function startWorkBudget(stats: StatementStats, budgetMs: number): void {
  stats.budget = { ms: budgetMs, deadline: performance.now() + budgetMs, exceeded: false };
}

/** Refuses a statement of a request whose budget has run out, and marks the request so. */
export function checkWorkBudget(stats: StatementStats): void {
  const budget = stats.budget;
  if (!budget) return;
  if (!budget.exceeded && performance.now() <= budget.deadline) return;
  budget.exceeded = true;
  throw (budget.refusal ??= new WorkBudgetExceeded(budget.ms));
}

/** The refusal for the time budget an error is or wraps (TypeORM wraps it in its statement's QueryFailedError), or null. */
export function workBudgetRefusalIn(error: unknown): WorkBudgetExceeded | null {
  if (error instanceof WorkBudgetExceeded) return error;
  const cause = (error as { driverError?: unknown } | null)?.driverError;
  return cause instanceof WorkBudgetExceeded ? cause : null;
}

type Run = (...parameters: unknown[]) => unknown;
interface SqliteConnection {
  prepare(sql: string): Record<'all' | 'get' | 'run' | 'iterate', Run>;
}

/**
 * The refusal of a statement about to run for the current request, or null when it may run. A refused statement was
 * counted when it was asked for and never ran: it is taken off the count.
 */
function refusalBeforeRunning(): WorkBudgetExceeded | null {
  const stats = currentTrace()?.stats;
  if (!stats?.budget) return null;
  try {
    checkWorkBudget(stats);
    return null;
  } catch (error) {
    stats.sqlStatements -= 1;
    return error as WorkBudgetExceeded;
  }
}

/** Ending a transaction is never refused: a refused ROLLBACK would leave the one connection inside it. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * SQLite: every statement prepared on this connection (TypeORM's and selectRows') checks the budget of the request
 * it runs for right before it runs. Not earlier: a page's resolvers start their statements together, and TypeORM
 * runs each only after an await, so a check when a statement is asked for would let them all through at once.
 */
export function checkBeforeEachStatement(db: SqliteConnection): void {
  const prepare = db.prepare;
  db.prepare = function (this: SqliteConnection, sql: string) {
    const statement = prepare.call(this, sql);
    if (TRANSACTION_CONTROL.test(sql)) return statement;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const run = statement[method];
      statement[method] = function (this: unknown, ...parameters: unknown[]) {
        const refusal = refusalBeforeRunning();
        if (refusal) throw refusal;
        return run.apply(this, parameters);
      };
    }
    return statement;
  };
}

type PostgresQuery = (...parameters: unknown[]) => unknown;
interface PostgresClient {
  query: PostgresQuery;
}
/** The clients whose `query` already checks. */
const checkedClients = new WeakSet<PostgresClient>();

/**
 * PostgreSQL: every query a pooled client sends (TypeORM's and selectRows') checks the budget of the request it
 * runs for right before it is sent, as on SQLite. A read's statements leave the event loop while they run, but an
 * anonymous query that fans out into thousands of them held one of the pool's connections, and took its share of
 * the database, for as long as the request time limit (30 s). pg's pool hands each client out through `acquire`,
 * before any query on it, so every client is wrapped once, whenever it was made. The check reads the trace of the
 * context the query is sent from: the registry never sends through `pool.query`, whose queued callbacks run in the
 * context of the request that gave a client back (selectRows connects and awaits instead).
 */
export function checkBeforeEachQuery(pool: { on(event: 'acquire', listener: (client: PostgresClient) => void): unknown }): void {
  pool.on('acquire', (client) => {
    if (checkedClients.has(client)) return;
    checkedClients.add(client);
    const query = client.query;
    client.query = function (this: unknown, ...parameters: unknown[]) {
      const first = parameters[0] as string | { text?: string } | undefined;
      const refusal = TRANSACTION_CONTROL.test(typeof first === 'string' ? first : (first?.text ?? '')) ? null : refusalBeforeRunning();
      if (!refusal) return query.apply(this, parameters);
      const callback = parameters[parameters.length - 1];
      if (typeof callback !== 'function') return Promise.reject(refusal);
      process.nextTick(callback, refusal);
      return undefined;
    };
  });
}

/**
 * Runs shared work (computed once and reused by every request, or waited for by many: the first overlap analysis,
 * the duplicate copy's update) without charging its time to the request that happens to run or await it: the time
 * `work` takes, and when it gives a promise, the time until that settles.
 */
export function sharedWork<T>(work: () => T): T {
  const budget = currentTrace()?.stats?.budget;
  const started = performance.now();
  const credit = () => {
    if (budget) budget.deadline += performance.now() - started;
  };
  let result: T;
  try {
    result = work();
  } catch (error) {
    credit();
    throw error;
  }
  if (isPromise(result)) return result.finally(credit) as T;
  credit();
  return result;
}
