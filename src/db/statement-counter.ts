import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/** Per-request figures reported in `extensions.diagnostics`. */
export interface StatementStats {
  sqlStatements: number;
}

const current = new AsyncLocalStorage<StatementStats>();

/** Runs `fn` with a fresh counter that every SQL statement issued inside it (however deep) adds to. */
export function withStatementCounter<T>(fn: () => T): { stats: StatementStats; result: T } {
  const stats: StatementStats = { sqlStatements: 0 };
  const result = current.run(stats, fn);
  return { stats, result };
}

/** A TypeORM logger that prints nothing and counts the queries of the request it runs in. */
export class StatementCountingLogger extends AbstractLogger {
  override logQuery(): void {
    const stats = current.getStore();
    if (stats) stats.sqlStatements += 1;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Errors reach callers as exceptions; this logger only counts.
  }
}
