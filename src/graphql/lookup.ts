import { EntityManager } from 'typeorm';
import { RegistryError } from '../errors/registry-error';
import { RecordClass, resolveRefs } from '../db/references';
import { RecordBase } from '../db/record-base';
import { andThen, MaybePromise } from '../db/sync-reads';
import { findRecordBy } from './loader-helpers';
import { fromGlobalId } from './node-id';
import { ReadPlan } from './read-plan';

/**
 * Top-level lookups take `id` or `key` (exactly one). Either may hold the global id or the key, since every
 * reference in the API accepts both (a global id of the type first, then a key, as resolveRefs reads them).
 * Unknown records give null, as GraphQL lookups do. With a read plan, the columns of fields the operation does not
 * select are left unread (src/graphql/read-plan.ts). On SQLite the record comes back at once (src/db/sync-reads.ts).
 */
export function lookupRecord<T extends RecordBase>(
  em: EntityManager,
  cls: RecordClass<T>,
  id: string | null | undefined,
  key: string | null | undefined,
  plan?: ReadPlan,
): MaybePromise<T | null> {
  if ((id == null) === (key == null)) throw RegistryError.of(id == null ? 'id' : 'key', 'INVALID', 'give exactly one of id or key');
  const ref = (id ?? key)!;
  const global = fromGlobalId(ref);
  const byId = global?.type === cls.nodeType ? findRecordBy(em, cls, 'id', global.id, plan) : null;
  return andThen(byId, (found) =>
    found
      ? found
      : andThen(findRecordBy(em, cls, 'key', ref, plan), (found) => (found || !cls.mergedInto ? found : survivorOf(em, cls, ref, plan))),
  );
}

/** The record that the record with this key or id was merged into, or null. */
async function survivorOf<T extends RecordBase>(em: EntityManager, cls: RecordClass<T>, ref: string, plan?: ReadPlan): Promise<T | null> {
  const survivor = (await resolveRefs(em, cls, [ref])).get(ref);
  return survivor === undefined ? null : findRecordBy(em, cls, 'id', survivor, plan);
}
