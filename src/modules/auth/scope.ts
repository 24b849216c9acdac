import { EntityManager, In } from 'typeorm';
import { ancestorIds } from '../../db/sql';
import { Section, SnapshotRecord } from '../snapshot/snapshot.format';
import { Unit } from '../units/unit.entity';
import { Role } from './api-token.entity';
import { forbidden, Principal } from './principal';

interface Change {
  section: Section;
  id: number;
  before: SnapshotRecord | null;
  after: SnapshotRecord | null;
}

/** The unit keys a record in snapshot form involves: a collaboration's units, an agreement's parties, a person's affiliations. */
function unitKeysOf(section: Section, record: SnapshotRecord): string[] {
  const list = (field: string) => (Array.isArray(record[field]) ? (record[field] as unknown[]) : []);
  if (section === 'collaborations') return list('units').map((u) => (u as { unit: string }).unit);
  if (section === 'agreements') return list('parties') as string[];
  if (section === 'people') return list('affiliations').map((a) => (a as { unit: string }).unit);
  return [];
}

/**
 * An EDITOR's changes, checked on their result inside the writing transaction: every record it changed must
 * still involve a unit inside its scope afterwards (a deleted one: before), a unit it changed must hang below a
 * unit in its scope (or be one of its scope's own units, left where it was), and it may never make a unit a root.
 * Throwing here rolls the whole change back. Other roles are not limited by units.
 */
export async function assertChangesInScope(em: EntityManager, principal: Principal, changes: Change[]): Promise<void> {
  if (principal.kind !== 'token' || principal.role !== Role.EDITOR) return;
  const idsOf = async (keys: string[]) =>
    keys.length ? (await em.getRepository(Unit).find({ select: { id: true }, where: { key: In(keys) }, withDeleted: true })).map((u) => u.id) : [];
  // Inside the scope: the unit or one of its ancestors is in the scope as it was when the request began.
  const inScope = async (unitId: number) => (await ancestorIds(em, 'unit', unitId)).some((id) => principal.scope.has(id));
  for (const change of changes) {
    const record = change.after ?? change.before;
    if (!record) continue;
    if (change.section === 'units') {
      if (!change.after) {
        if (!principal.scope.has(change.id)) throw forbidden('This unit lies outside the token’s unit scope.');
        continue;
      }
      const parent = change.after.parent as string | null | undefined;
      if (parent == null) throw forbidden('An EDITOR cannot make a unit a root unit.');
      const stays = principal.scopeRoots.has(change.id) && change.before?.parent === parent;
      const [parentId] = await idsOf([parent]);
      if (!stays && (parentId === undefined || !(await inScope(parentId)))) {
        throw forbidden('After the change the unit would lie outside the token’s unit scope.');
      }
      continue;
    }
    if (!['collaborations', 'agreements', 'people'].includes(change.section)) continue;
    const unitIds = await idsOf(unitKeysOf(change.section, record));
    let inside = false;
    for (const id of unitIds) if ((inside = await inScope(id))) break;
    if (!inside) throw forbidden(`After the change the ${change.section.replace(/s$/, '').replace(/^people$/, 'person')} would involve no unit in the token’s unit scope.`);
  }
}
