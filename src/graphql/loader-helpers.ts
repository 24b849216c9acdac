import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { RecordClass } from '../db/references';
import { RecordBase } from '../db/record-base';

/** Batches lookups of one record type by database id; a request loads each record at most once. */
export function recordLoader<T extends RecordBase>(ds: DataSource, cls: RecordClass<T>): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await ds.getRepository(cls).find({ where: { id: In([...ids]) } as never });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Batches one-to-many lookups: all rows for many parent ids in one query, grouped back per parent. */
export function groupedLoader<R>(fetch: (ids: number[]) => Promise<R[]>, parentOf: (row: R) => number): DataLoader<number, R[]> {
  return new DataLoader(async (ids) => {
    const rows = await fetch([...ids]);
    const groups = new Map<number, R[]>();
    for (const row of rows) {
      const key = parentOf(row);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}
