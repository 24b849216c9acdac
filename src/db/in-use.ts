import { EntityManager } from 'typeorm';
import { RegistryError } from '../errors/registry-error';
import { rawQuery } from './sql';

/**
 * A place that may still point at a record: table, column, what to call the rows in a message, and, for rows
 * listed under another record (participants, parties…), that record's table and the column naming it.
 */
export interface Usage {
  table: string;
  column: string;
  label: string;
  owner?: { table: string; column: string };
}

/**
 * IN_USE when any live record still points at the record, naming how many of each. Deleted records do not
 * block: recordRestore checks that what they refer to is there again.
 */
export async function assertNotInUse(em: EntityManager, noun: string, id: number, usages: Usage[]): Promise<void> {
  const counts: string[] = [];
  for (const usage of usages) {
    const sql = usage.owner
      ? `SELECT COUNT(*) AS n FROM "${usage.table}" t JOIN "${usage.owner.table}" o ON o.id = t."${usage.owner.column}" WHERE t."${usage.column}" = $1 AND o.deleted_at IS NULL`
      : `SELECT COUNT(*) AS n FROM "${usage.table}" WHERE "${usage.column}" = $1 AND deleted_at IS NULL`;
    const [row] = await rawQuery<{ n: number | string }>(em, sql, [id]);
    const n = Number(row?.n ?? 0);
    if (n > 0) counts.push(`${n} ${usage.label}`);
  }
  if (counts.length) {
    throw RegistryError.of('id', 'IN_USE', `the ${noun} is still referenced by ${counts.join(', ')}; remove those references first`);
  }
}
