import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';
import { currentTrace } from '../observability/request-trace';

/** A TypeORM logger that prints nothing and counts the statements of the request it runs in (its trace's stats). */
export class StatementCountingLogger extends AbstractLogger {
  override logQuery(): void {
    const stats = currentTrace()?.stats;
    if (stats) stats.sqlStatements += 1;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Failures reach callers as exceptions; this logger only counts.
  }
}
