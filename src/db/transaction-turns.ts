import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { untraced } from '../observability/request-trace';

/** The database whose transaction the current async context runs in. */
const inside = new AsyncLocalStorage<DataSource>();

/**
 * TypeORM gives every caller of a SQLite DataSource the same connection, so transactions begun by concurrent
 * requests would nest as savepoints inside one another: the outer one's rollback would undo work the inner one had
 * reported committed. Top-level transactions therefore take turns; one begun inside another (same async context)
 * nests as a savepoint, as it should.
 */
export function serializeTransactions(ds: DataSource): void {
  const manager = ds.manager;
  const run = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let turn: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore() === ds) return run(...args);
    const mine = turn.then(() => inside.run(ds, () => run(...args)));
    turn = mine.catch(() => undefined);
    return mine;
  }) as typeof manager.transaction;
}

/**
 * Runs work that outlives the transaction or request it was started from (a background rebuild kicked off by a
 * write or a read) as work of its own: its transactions take their turn instead of nesting in one that may be long
 * committed, and its statements and log lines are not counted or marked as the request's.
 */
export function detached<T>(fn: () => T): T {
  return inside.exit(() => untraced(fn));
}
