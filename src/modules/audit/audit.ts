import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';
import { runWriteHooks } from '../../db/write-hooks';
import { exportSnapshot } from '../snapshot/snapshot.exporter';
import { Section, SnapshotRecord, stableJson } from '../snapshot/snapshot.format';
import { assertChangesInScope } from '../auth/scope';
import { Principal } from '../auth/principal';
import { AuditAction, AuditEntry, FieldChange } from './audit-entry.entity';

const actors = new AsyncLocalStorage<{ actor: string; principal: Principal | null }>();

/**
 * Runs `fn` so that every change it makes is recorded as made by `actor`, and, when a principal is given (a
 * request's caller), checked against what that principal may change (see writeAudit).
 */
export function runAs<T>(actor: string, fn: () => T, principal: Principal | null = null): T {
  return actors.run({ actor, principal }, fn);
}

export const currentActor = (): string => actors.getStore()?.actor ?? 'system';

export const RECORD_TYPE: Record<Section, string> = {
  topics: 'Topic',
  units: 'Unit',
  people: 'Person',
  agreements: 'Agreement',
  collaborations: 'Collaboration',
};

/** A record in snapshot form (references as keys), or null when it does not exist. */
export async function stateOf(em: EntityManager, section: Section, id: number): Promise<SnapshotRecord | null> {
  return (await exportSnapshot(em, { [section]: [id] }))[section]?.[0] ?? null;
}

/** The fields that differ between two snapshot forms of a record. */
export function diff(before: SnapshotRecord | null, after: SnapshotRecord | null): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (stableJson(b) !== stableJson(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** One change of one record, in snapshot form before and after (null: it did not exist). */
export interface AuditWrite {
  section: Section;
  id: number;
  action: AuditAction;
  before: SnapshotRecord | null;
  after: SnapshotRecord | null;
}

/**
 * Writes audit entries (in the caller's transaction); entries that change nothing are skipped. Every change of a
 * record passes here, so this is also where the write hooks run (src/db/write-hooks.ts).
 */
export async function writeAudit(em: EntityManager, entries: AuditWrite[]): Promise<void> {
  const actor = currentActor();
  // Every change passes here in its own transaction: the one place an EDITOR's scope is checked on the result.
  const principal = actors.getStore()?.principal;
  if (principal) await assertChangesInScope(em, principal, entries);
  const rows = entries
    .map((e) => ({
      actor,
      action: e.action,
      recordType: RECORD_TYPE[e.section],
      recordId: e.id,
      recordKey: (e.after ?? e.before)!.key,
      changes: diff(e.before, e.after),
    }))
    .filter((r) => r.changes.length);
  for (let i = 0; i < rows.length; i += 200) {
    await em.createQueryBuilder().insert().into(AuditEntry).values(rows.slice(i, i + 200) as never).updateEntity(false).execute();
  }
  // The same place keeps derived data (the overlap analysis) in step, in the same transaction.
  if (rows.length) await runWriteHooks(em, { kind: 'records', writes: rows.map((r) => ({ recordType: r.recordType, id: r.recordId })) });
}

/** Records one change to one record: call with the state captured before the change (null for a create). */
export async function recordChange(em: EntityManager, section: Section, id: number, action: AuditAction, before: SnapshotRecord | null): Promise<void> {
  const after = action === AuditAction.DELETE ? null : await stateOf(em, section, id);
  await writeAudit(em, [{ section, id, action, before, after }]);
}
