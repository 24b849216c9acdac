import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ReadBatch } from '../../src/db/read-batch';

describe("a slice's read batch (SQLite)", () => {
  let dir: string;
  let db: Database.Database;
  /** Another connection to the same file, as another process would have. */
  let other: Database.Database;
  let batch: ReadBatch;
  const count = () => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  const insertElsewhere = () => other.prepare('INSERT INTO t VALUES (1)').run();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-batch-'));
    db = new Database(path.join(dir, 'r.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x INTEGER)');
    other = new Database(path.join(dir, 'r.sqlite'));
    batch = new ReadBatch(db as never);
  });
  afterEach(() => {
    db.close();
    other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the reads between begin and end in one transaction, and commits it at the end', () => {
    batch.begin();
    expect(count()).toBe(0);
    expect(db.inTransaction).toBe(true);
    insertElsewhere();
    // One snapshot: a row committed elsewhere meanwhile is not seen until the batch ends.
    expect(count()).toBe(0);
    batch.end();
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(1);
  });

  it('leaves reads outside a batch on their own', () => {
    expect(count()).toBe(0);
    expect(db.inTransaction).toBe(false);
    insertElsewhere();
    expect(count()).toBe(1);
  });

  it('commits the batch before a write, which then commits on its own, and batches the reads after it again', () => {
    batch.begin();
    expect(count()).toBe(0);
    db.prepare('INSERT INTO t VALUES (2)').run();
    expect(db.inTransaction).toBe(false);
    expect((other.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(1);
    expect(count()).toBe(1);
    expect(db.inTransaction).toBe(true);
    batch.end();
    expect(db.inTransaction).toBe(false);
  });

  it("lets a transaction of TypeORM's begin inside a batch, keeps its reads in it, and leaves its rollback its own", () => {
    batch.begin();
    expect(count()).toBe(0);
    db.prepare('BEGIN TRANSACTION').run();
    db.prepare('INSERT INTO t VALUES (3)').run();
    expect(count()).toBe(1);
    db.prepare('ROLLBACK').run();
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(0);
    expect(db.inTransaction).toBe(true);
    batch.end();
    expect(db.inTransaction).toBe(false);
    expect((other.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(0);
  });

  it('ends without a transaction when its reads were none, or when the transaction was ended already', () => {
    batch.begin();
    batch.end();
    expect(db.inTransaction).toBe(false);
    batch.begin();
    expect(count()).toBe(0);
    db.exec('ROLLBACK');
    expect(() => batch.end()).not.toThrow();
    expect(db.inTransaction).toBe(false);
  });
});
