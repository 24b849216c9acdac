import { EntityManager } from 'typeorm';
import { RegistryError } from '../common/errors';
import { rawQuery } from './sql';

/** A place that may still point at a record: table, column, and what to call the rows in a message. */
export interface Usage {
  table: string;
  column: string;
  label: string;
}

/** IN_USE when any usage still points at the record, naming how many of each. */
export async function assertNotInUse(em: EntityManager, noun: string, id: number, usages: Usage[]): Promise<void> {
  const counts: string[] = [];
  for (const usage of usages) {
    const [row] = await rawQuery<{ n: number | string }>(em, `SELECT COUNT(*) AS n FROM "${usage.table}" WHERE "${usage.column}" = $1`, [id]);
    const n = Number(row?.n ?? 0);
    if (n > 0) counts.push(`${n} ${usage.label}`);
  }
  if (counts.length) {
    throw RegistryError.of('id', 'IN_USE', `the ${noun} is still referenced by ${counts.join(', ')}; remove those references first`);
  }
}
