import Database from 'better-sqlite3';
import { checkBeforeEachStatement, checkWorkBudget, sharedWork, startWorkBudget, WorkBudgetExceeded, workBudgetRefusalIn } from '../../src/db/work-budget';
import { StatementStats, traceRequest } from '../../src/observability/request-trace';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Keeps the event loop busy for `ms`, as a read's own work does. */
const work = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('the time budget of a read', () => {
  it('lets statements start while the budget lasts, then refuses the next one and marks the request', () => {
    const stats: StatementStats = { sqlStatements: 0 };
    startWorkBudget(stats, 30);
    checkWorkBudget(stats);
    work(10);
    checkWorkBudget(stats);
    work(25);
    expect(() => checkWorkBudget(stats)).toThrow(new WorkBudgetExceeded(30));
    expect(stats.budget!.exceeded).toBe(true);
    expect(new WorkBudgetExceeded(30).message).toBe('The query ran longer than its budget of 30 ms; ask for fewer nested lists, smaller pages or fewer aliases.');
  });

  it('refuses nothing to a request without a budget', () => {
    const stats: StatementStats = { sqlStatements: 0 };
    work(5);
    checkWorkBudget(stats);
    expect(stats.budget).toBeUndefined();
  });

  it('does not charge a wait for shared work to the request that waits, and charges an unmarked one', async () => {
    const waited: StatementStats = { sqlStatements: 0 };
    startWorkBudget(waited, 40);
    await traceRequest({ requestId: 'waits', stats: waited }, async () => {
      expect(await sharedWork(() => sleep(80).then(() => 'built'))).toBe('built');
      checkWorkBudget(waited);
    });
    const slept: StatementStats = { sqlStatements: 0 };
    startWorkBudget(slept, 40);
    await sleep(80);
    expect(() => checkWorkBudget(slept)).toThrow(WorkBudgetExceeded);
  });

  it('does not charge shared work computed in place (once, for every request) to the request that computes it', () => {
    const shared: StatementStats = { sqlStatements: 0 };
    startWorkBudget(shared, 40);
    traceRequest({ requestId: 'computes', stats: shared }, () => {
      expect(sharedWork(() => (work(80), 'pairs'))).toBe('pairs');
      checkWorkBudget(shared);
    });
    const own: StatementStats = { sqlStatements: 0 };
    startWorkBudget(own, 40);
    work(80);
    expect(() => checkWorkBudget(own)).toThrow(WorkBudgetExceeded);
  });

  it('does not charge shared work that fails either, and passes its error on', async () => {
    const stats: StatementStats = { sqlStatements: 0 };
    startWorkBudget(stats, 40);
    await traceRequest({ requestId: 'fails', stats }, async () => {
      await expect(sharedWork(() => sleep(80).then(() => Promise.reject(new Error('build failed'))))).rejects.toThrow('build failed');
      checkWorkBudget(stats);
      expect(() =>
        sharedWork(() => {
          work(80);
          throw new Error('pairs failed');
        }),
      ).toThrow('pairs failed');
      checkWorkBudget(stats);
    });
  });

  it('checks the budget of the request right before SQLite runs each statement, and refuses it unrun', async () => {
    const db = new Database(':memory:');
    checkBeforeEachStatement(db as never);
    db.prepare('CREATE TABLE t (x)').run();
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const stats: StatementStats = { sqlStatements: 0 };
    startWorkBudget(stats, 20);
    await traceRequest({ requestId: 'r', stats }, async () => {
      stats.sqlStatements += 1;
      insert.run(1);
      // Asked for in time, run after the budget has gone (as TypeORM runs a statement after an await).
      stats.sqlStatements += 1;
      await sleep(0);
      work(40);
      expect(() => insert.run(2)).toThrow(WorkBudgetExceeded);
      stats.sqlStatements += 1;
      expect(() => db.prepare('SELECT x FROM t').raw(true).all()).toThrow(WorkBudgetExceeded);
    });
    expect(stats.sqlStatements).toBe(1);
    // Ending a transaction is never refused: the connection must not stay inside it.
    await traceRequest({ requestId: 'r', stats }, async () => {
      expect(() => db.prepare('BEGIN').run()).not.toThrow();
      expect(() => db.prepare('ROLLBACK').run()).not.toThrow();
      expect(() => [...(db.prepare('SELECT x FROM t').iterate() as Iterable<unknown>)]).toThrow(WorkBudgetExceeded);
    });
    expect(db.inTransaction).toBe(false);
    // Outside the request, and for a request without a budget, every statement runs.
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual([1]);
    await traceRequest({ requestId: 'free', stats: { sqlStatements: 0 } }, async () => expect(insert.run(3).changes).toBe(1));
    db.close();
  });

  it('finds the refusal in the error TypeORM wraps it in', () => {
    const refusal = new WorkBudgetExceeded(5);
    expect(workBudgetRefusalIn(refusal)).toBe(refusal);
    expect(workBudgetRefusalIn(Object.assign(new Error('query failed'), { driverError: refusal }))).toBe(refusal);
    expect(workBudgetRefusalIn(new Error('other'))).toBeNull();
    expect(workBudgetRefusalIn(null)).toBeNull();
  });
});
