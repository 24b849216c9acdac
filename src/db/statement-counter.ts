import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/** Per-request figures reported in `extensions.diagnostics`. */
export interface StatementStats {
  sqlStatements: number;
}

const current = new AsyncLocalStorage<StatementStats>();

/** Runs `fn` so that every SQL statement issued inside it (however deep in async calls) adds to `stats`. */
export function countStatements<T>(stats: StatementStats, fn: () => T): T {
  return current.run(stats, fn);
}

/** A TypeORM logger that prints nothing and counts the statements of the request it runs in. */
export class StatementCountingLogger extends AbstractLogger {
  override logQuery(): void {
    const stats = current.getStore();
    if (stats) stats.sqlStatements += 1;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Failures reach callers as exceptions; this logger only counts.
  }
}
