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
 * An EDITOR's changes, checked inside the writing transaction, on the record as it was and as it is: a record it
 * changed must have involved a unit inside its scope before (so nothing outside is taken over by giving it a unit
 * inside) and must still involve one afterwards; a unit it changed must have lain inside its scope when the
 * request began and must still hang below a unit in it, unless it is one of its scope's own units left where it
 * was; it may never make a unit a root. Every change of every path (API, spreadsheet import, snapshot import) passes here; throwing
 * rolls the whole change back. Other roles are not limited by units.
 */
export async function assertChangesInScope(em: EntityManager, principal: Principal, changes: Change[]): Promise<void> {
  if (principal.kind !== 'token' || principal.role !== Role.EDITOR) return;
  const idsOf = async (keys: string[]) =>
    keys.length ? (await em.getRepository(Unit).find({ select: { id: true }, where: { key: In(keys) }, withDeleted: true })).map((u) => u.id) : [];
  // Inside the scope: the unit or one of its ancestors is in the scope as it was when the request began.
  const inScope = async (unitId: number) => (await ancestorIds(em, 'unit', unitId)).some((id) => principal.scope.has(id));
  const involvesScope = async (section: Section, record: SnapshotRecord) => {
    for (const id of await idsOf(unitKeysOf(section, record))) if (await inScope(id)) return true;
    return false;
  };
  const noun = (section: Section) => section.replace(/s$/, '').replace(/^people$/, 'person');
  for (const change of changes) {
    if (change.section === 'units') {
      // The scope as the request began: a unit outside it may not be changed, moved in or deleted.
      if (change.before && !principal.scope.has(change.id)) throw forbidden('This unit lies outside the token’s unit scope.');
      if (!change.after) continue;
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
    if (change.before && !(await involvesScope(change.section, change.before))) {
      throw forbidden(`This ${noun(change.section)} involves no unit in the token’s unit scope.`);
    }
    if (change.after && !(await involvesScope(change.section, change.after))) {
      throw forbidden(`After the change the ${noun(change.section)} would involve no unit in the token’s unit scope.`);
    }
  }
}
