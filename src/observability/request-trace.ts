import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request figures reported in `extensions.diagnostics`, the log line and the metrics. */
export interface StatementStats {
  sqlStatements: number;
  /** The operation's time budget, when it has one (src/db/work-budget.ts). */
  budget?: { ms: number; deadline: number; exceeded: boolean; refusal?: Error };
}

/**
 * What code deep inside a request's async calls learns of the request it serves: its id (on every log line) and,
 * while its GraphQL operation runs, where its SQL statements are counted. One store for both, because every
 * promise created while a store is active pays for each store that is.
 */
export interface RequestTrace {
  readonly requestId: string;
  stats: StatementStats | null;
}

const current = new AsyncLocalStorage<RequestTrace>();

/** Runs `fn` inside `trace`, however deep its async calls go. */
export function traceRequest<T>(trace: RequestTrace, fn: () => T): T {
  return current.run(trace, fn);
}

/** The trace of the request being served, if any. */
export function currentTrace(): RequestTrace | undefined {
  return current.getStore();
}

/** Runs `fn` for no request: work it starts that outlives the request (a background rebuild) is not the request's. */
export function untraced<T>(fn: () => T): T {
  return current.exit(fn);
}
