import { EntityManager } from 'typeorm';
import { RegistryError } from '../errors/registry-error';
import { RecordClass, resolveRefs } from '../db/references';
import { RecordBase } from '../db/record-base';

/**
 * Top-level lookups take `id` or `key` (exactly one). Either may hold the global id or the key, since every
 * reference in the API accepts both. Unknown records give null, as GraphQL lookups do.
 */
export async function lookupRecord<T extends RecordBase>(
  em: EntityManager,
  cls: RecordClass<T>,
  id: string | null | undefined,
  key: string | null | undefined,
): Promise<T | null> {
  if ((id == null) === (key == null)) throw RegistryError.of(id == null ? 'id' : 'key', 'INVALID', 'give exactly one of id or key');
  const ref = (id ?? key)!;
  const found = (await resolveRefs(em, cls, [ref])).get(ref);
  return found === undefined ? null : em.getRepository(cls).findOne({ where: { id: found } as never });
}
