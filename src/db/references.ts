import { EntityManager, In } from 'typeorm';
import { RegistryError } from '../errors/registry-error';
import { fromGlobalId } from '../graphql/node-id';
import { RecordBase } from './record-base';
import { ancestorIds } from './sql';

export type RecordClass<T extends RecordBase = RecordBase> = (new () => T) & {
  nodeType: string;
  /** For record types that can be merged: the property of a merged (deleted) record naming the one it went into. */
  mergedInto?: string;
};

/** How many merges a reference follows at most (a merged into b, b into c…). */
const MAX_MERGE_HOPS = 20;

/**
 * References to records merged into others, each resolved to the live record it ended in: the key and global id of
 * a merged record keep working.
 */
async function followMerges(em: EntityManager, cls: RecordClass, refs: string[], found: Map<string, number>): Promise<void> {
  const property = cls.mergedInto!;
  const repo = em.getRepository(cls);
  for (const ref of refs) {
    const global = fromGlobalId(ref);
    let row = (await repo.findOne({ where: (global?.type === cls.nodeType ? { id: global.id } : { key: ref }) as never, withDeleted: true })) as Record<string, unknown> | null;
    for (let hops = 0; row?.deletedAt && row[property] != null && hops < MAX_MERGE_HOPS; hops++) {
      row = (await repo.findOne({ where: { id: row[property] } as never, withDeleted: true })) as Record<string, unknown> | null;
    }
    if (row && !row.deletedAt) found.set(ref, row.id as number);
  }
}

const NOUN: Record<string, string> = {
  Topic: 'topic',
  Unit: 'unit',
  Person: 'person',
  Agreement: 'agreement',
  Collaboration: 'collaboration',
};

export const nounOf = (cls: RecordClass): string => NOUN[cls.nodeType] ?? cls.nodeType.toLowerCase();

/**
 * Resolves references (global ids or keys) to database ids in two queries at most.
 * The map holds only the references that exist.
 */
export async function resolveRefs(em: EntityManager, cls: RecordClass, refs: Iterable<string>): Promise<Map<string, number>> {
  const byId = new Map<number, string[]>();
  const keys = new Set<string>();
  for (const ref of refs) {
    const global = fromGlobalId(ref);
    if (global && global.type === cls.nodeType) byId.set(global.id, [...(byId.get(global.id) ?? []), ref]);
    keys.add(ref);
  }
  const found = new Map<string, number>();
  if (byId.size) {
    const rows = await em.getRepository(cls).find({ select: { id: true }, where: { id: In([...byId.keys()]) } as never });
    for (const row of rows) for (const ref of byId.get(row.id) ?? []) found.set(ref, row.id);
  }
  const missingKeys = [...keys].filter((k) => !found.has(k));
  if (missingKeys.length) {
    const rows = await em.getRepository(cls).find({ select: { id: true, key: true }, where: { key: In(missingKeys) } as never });
    for (const row of rows) found.set(row.key, row.id);
  }
  const unresolved = [...new Set([...byId.values()].flat().concat([...keys]))].filter((ref) => !found.has(ref));
  if (cls.mergedInto && unresolved.length) await followMerges(em, cls, unresolved, found);
  return found;
}

/** The id of a referenced record, or an UNKNOWN_REFERENCE problem naming the field. */
export async function requireRef(em: EntityManager, cls: RecordClass, ref: string, field: string): Promise<number> {
  const id = (await resolveRefs(em, cls, [ref])).get(ref);
  if (id === undefined) throw RegistryError.of(field, 'UNKNOWN_REFERENCE', `unknown ${nounOf(cls)} "${ref}"`);
  return id;
}

/** Resolves a list of references, reporting every unknown one with its index. */
export async function requireRefs(em: EntityManager, cls: RecordClass, refs: string[], field: (i: number) => string): Promise<number[]> {
  const found = await resolveRefs(em, cls, refs);
  const problems = refs.flatMap((ref, i) =>
    found.has(ref) ? [] : [{ field: field(i), code: 'UNKNOWN_REFERENCE' as const, message: `unknown ${nounOf(cls)} "${ref}"` }],
  );
  if (problems.length) throw new RegistryError(problems);
  return refs.map((ref) => found.get(ref)!);
}

/** Loads the record an update or delete names, or NOT_FOUND. */
export async function requireRecord<T extends RecordBase>(em: EntityManager, cls: RecordClass<T>, ref: string, field = 'id'): Promise<T> {
  const id = (await resolveRefs(em, cls, [ref])).get(ref);
  const record = id === undefined ? null : await em.getRepository(cls).findOne({ where: { id } as never });
  if (!record) throw RegistryError.of(field, 'NOT_FOUND', `no ${nounOf(cls)} "${ref}"`);
  return record;
}

/**
 * Claims the version an update was based on: bumps it in one statement only if it still matches, so two
 * concurrent updates from the same version cannot both succeed. A stale version is reported on `field`, the input
 * field that carried it.
 */
export async function claimVersion(em: EntityManager, cls: RecordClass, id: number, version: number, field = 'version'): Promise<void> {
  const result = await em
    .createQueryBuilder()
    .update(cls)
    .set({ version: () => 'version + 1', updatedAt: () => 'CURRENT_TIMESTAMP' } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (!result.affected) {
    const current = await em.getRepository(cls).findOne({ select: { version: true }, where: { id } as never });
    throw RegistryError.of(
      field,
      'CONFLICT',
      `the ${nounOf(cls)} changed since version ${version} (now version ${current?.version ?? 'deleted'}); reload and try again`,
    );
  }
}

/** DUPLICATE_KEY when another record of the type already uses the key. */
export async function assertKeyFree(em: EntityManager, cls: RecordClass, key: string, exceptId?: number): Promise<void> {
  const existing = await em.getRepository(cls).findOne({ select: { id: true, deletedAt: true }, where: { key } as never, withDeleted: true });
  if (existing && existing.id !== exceptId) {
    throw RegistryError.of(
      'key',
      'DUPLICATE_KEY',
      existing.deletedAt
        ? `the key "${key}" belongs to a deleted ${nounOf(cls)}; restore it (recordRestore) or choose another key`
        : `another ${nounOf(cls)} already has the key "${key}"`,
    );
  }
}

/** CYCLE when making `parentId` the parent of `id` would make `id` its own ancestor (any depth). */
export async function assertNoCycle(em: EntityManager, table: string, id: number, parentId: number | null, field = 'parent'): Promise<void> {
  if (parentId === null) return;
  if (parentId === id) throw RegistryError.of(field, 'CYCLE', 'a record cannot be its own parent');
  if ((await ancestorIds(em, table, parentId)).includes(id)) {
    throw RegistryError.of(field, 'CYCLE', "the new parent lies inside this record's own subtree");
  }
}
