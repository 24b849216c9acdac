import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
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

/**
 * Rows listed under a parent (participants, parties, tags…), fetched joined with the record each names in one
 * query, ordered as given; the named records are primed into their own loader so nothing fetches them again.
 */
export function joinedRowsLoader<R extends ObjectLiteral & { position: number }, T extends { id: number }>(
  ds: DataSource,
  entity: EntityTarget<R>,
  parentColumn: keyof R & string,
  relation: keyof R & string,
  targetColumn: keyof R & string,
  targets: DataLoader<number, T | null>,
): DataLoader<number, R[]> {
  return groupedLoader(
    async (ids) => {
      const rows = await ds.getRepository(entity).find({
        where: { [parentColumn]: In(ids) } as never,
        relations: { [relation]: true } as never,
        order: { position: 'ASC' } as never,
      });
      for (const row of rows) if (row[relation]) targets.prime(row[targetColumn] as number, row[relation] as T);
      return rows;
    },
    (row) => row[parentColumn] as number,
  );
}
