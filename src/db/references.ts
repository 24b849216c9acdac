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

/** Values bound per statement: an import may resolve thousands of references at once. */
const CHUNK = 500;

type Row = Record<string, unknown> & { id: number };

/** Rows whose column holds one of the values, by that value, with the fields named, in statements of at most CHUNK values. */
async function rowsWhere(em: EntityManager, cls: RecordClass, column: 'id' | 'key', values: (number | string)[], fields: string[], withDeleted = false): Promise<Map<unknown, Row>> {
  const out = new Map<unknown, Row>();
  const select = Object.fromEntries(['id', column, ...fields].map((field) => [field, true]));
  for (let i = 0; i < values.length; i += CHUNK) {
    const rows = (await em.getRepository(cls).find({ select: select as never, where: { [column]: In(values.slice(i, i + CHUNK)) } as never, withDeleted })) as unknown as Row[];
    for (const row of rows) out.set(row[column], row);
  }
  return out;
}

/**
 * References to records merged into others, each resolved to the live record it ended in: the key and global id of
 * a merged record keep working. All references take each step along their merges together.
 */
async function followMerges(em: EntityManager, cls: RecordClass, refs: string[], found: Map<string, number>): Promise<void> {
  const property = cls.mergedInto!;
  const fields = ['deletedAt', property];
  const globalIds = new Map<string, number>();
  for (const ref of refs) {
    const global = fromGlobalId(ref);
    if (global?.type === cls.nodeType) globalIds.set(ref, global.id);
  }
  const byId = await rowsWhere(em, cls, 'id', [...new Set(globalIds.values())], fields, true);
  const byKey = await rowsWhere(em, cls, 'key', refs.filter((ref) => !globalIds.has(ref)), fields, true);
  let reached = new Map<string, Row>();
  for (const ref of refs) {
    const row = globalIds.has(ref) ? byId.get(globalIds.get(ref)) : byKey.get(ref);
    if (row) reached.set(ref, row);
  }
  for (let hops = 0; reached.size; hops++) {
    const next = new Map<string, number>();
    for (const [ref, row] of reached) {
      if (!row.deletedAt) found.set(ref, row.id);
      else if (row[property] != null && hops < MAX_MERGE_HOPS) next.set(ref, row[property] as number);
    }
    const rows = await rowsWhere(em, cls, 'id', [...new Set(next.values())], fields, true);
    reached = new Map();
    for (const [ref, id] of next) if (rows.has(id)) reached.set(ref, rows.get(id)!);
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
 * Resolves references (global ids or keys) to database ids in two queries per 500 references at most (and one per
 * step for references to merged records). The map holds only the references that exist.
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
  for (const row of (await rowsWhere(em, cls, 'id', [...byId.keys()], [])).values()) for (const ref of byId.get(row.id) ?? []) found.set(ref, row.id);
  const missingKeys = [...keys].filter((k) => !found.has(k));
  for (const row of (await rowsWhere(em, cls, 'key', missingKeys, [])).values()) found.set(row.key as string, row.id);
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

/**
 * A record loaded before claimVersion, brought in step with what the claim wrote: its next version, and no
 * `updatedAt` (the claim set it to now) for save() to write back, which kept every update's time at the one before.
 */
export function syncClaimed(record: { version: number; updatedAt?: Date }): void {
  record.version += 1;
  delete record.updatedAt;
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
