import { DataSource, EntityManager } from 'typeorm';

/** A record a transaction created, changed, deleted or restored. */
export interface RecordWrite {
  recordType: string;
  id: number;
}

export type WriteEvent = { kind: 'records'; writes: RecordWrite[] } | { kind: 'replaced' };

/** Work that belongs in the writing transaction itself: it commits with the change, or not at all. */
export type WriteHook = (em: EntityManager, event: WriteEvent) => Promise<void>;

const hooks = new WeakMap<DataSource, WriteHook[]>();

/**
 * Registers work to run inside every transaction that changes records of this database (the composition root
 * registers the overlap analysis). Derived data kept this way is never behind a committed change, in any process.
 */
export function onWrite(ds: DataSource, hook: WriteHook): void {
  hooks.set(ds, [...(hooks.get(ds) ?? []), hook]);
}

/**
 * Called where every change of records passes inside its transaction (the audit write), and by a restore, which
 * replaces every record at once.
 */
export async function runWriteHooks(em: EntityManager, event: WriteEvent): Promise<void> {
  for (const hook of hooks.get(em.connection) ?? []) await hook(em, event);
}
