import { EntityManager } from 'typeorm';
import { replaceChildren } from '../../db/children';
import { claimVersion, requireRecord } from '../../db/references';
import { ancestorIds, rawQuery } from '../../db/sql';
import { FieldProblem, RegistryError } from '../../errors/registry-error';
import { OverlapReview } from '../analysis/overlap-review.entity';
import { PairReview } from '../analysis/pair-review';
import { DuplicateReview } from '../duplicates/duplicate-review.entity';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditWrite, stateOf, writeAudit } from '../audit/audit';
import { SnapshotRecord } from '../snapshot/snapshot.format';
import { Collaboration, CollaborationFunding, CollaborationPerson, CollaborationTopic, CollaborationUnit } from './collaboration.entity';
import { COLLABORATION_LISTS } from './collaboration.inputs';
import { indexCollaborations, removeFromIndex } from './collaboration.search';

/**
 * What a merge added to the survivor and moved off the removed record, kept on the removed record so that
 * restoring it takes exactly these back (and nothing the survivor got otherwise since).
 */
interface MergeUndo {
  units: { unitId: number; role: string }[];
  people: { personId: number; role: string }[];
  topics: number[];
  funding: { sourceId: number | null; sourceName: string | null; amountNok: number | null }[];
  links: string[];
  keywords: string[];
  children: number[];
  /** Overlap reviews moved. */
  reviews: number[];
  /** Duplicate reviews moved (absent from merges made before they moved). */
  duplicateReviews?: number[];
}

type ReviewClass = typeof OverlapReview | typeof DuplicateReview;

/**
 * Moves the reviews of (from, X) to (to, X), unless `to` already has its own with X; a review of the pair itself
 * stays. Returns the ids moved.
 */
async function moveReviews(em: EntityManager, cls: ReviewClass, from: number, to: number): Promise<number[]> {
  const repo = em.getRepository<PairReview>(cls);
  const moved: number[] = [];
  for (const review of await repo.find({ where: [{ aId: from }, { bId: from }] })) {
    const other = review.aId === from ? review.bId : review.aId;
    if (other === to) continue;
    const [aId, bId] = to < other ? [to, other] : [other, to];
    if (await repo.findOneBy({ aId, bId })) continue;
    await repo.update(review.id, { aId, bId });
    moved.push(review.id);
  }
  return moved;
}

/**
 * Gives the reviews a merge moved to the survivor back to the restored record: those still on the survivor, unless
 * the restored record has its own with that other record by now.
 */
async function returnReviews(em: EntityManager, cls: ReviewClass, ids: number[], keepId: number, removedId: number): Promise<void> {
  const repo = em.getRepository<PairReview>(cls);
  for (const id of ids) {
    const review = await repo.findOneBy({ id });
    if (!review || (review.aId !== keepId && review.bId !== keepId)) continue;
    const other = review.aId === keepId ? review.bId : review.aId;
    const [aId, bId] = removedId < other ? [removedId, other] : [other, removedId];
    if (!(await repo.findOneBy({ aId, bId }))) await repo.update(id, { aId, bId });
  }
}

export interface MergeRequest {
  keep: string;
  keepVersion: number;
  remove: string;
  removeVersion: number;
}

const sameUnit = (a: { unitId: number; role: string }, b: { unitId: number; role: string }) => a.unitId === b.unitId && a.role === b.role;
const samePerson = (a: { personId: number; role: string }, b: { personId: number; role: string }) => a.personId === b.personId && a.role === b.role;
const sameFunding = (a: MergeUndo['funding'][number], b: MergeUndo['funding'][number]) =>
  a.sourceId === b.sourceId && a.sourceName === b.sourceName && Number(a.amountNok ?? NaN) === Number(b.amountNok ?? NaN);

async function lists(em: EntityManager, id: number) {
  const order = { position: 'ASC' } as const;
  return {
    units: (await em.getRepository(CollaborationUnit).find({ where: { collaborationId: id }, order })).map(({ unitId, role }) => ({ unitId, role: role as string })),
    people: (await em.getRepository(CollaborationPerson).find({ where: { collaborationId: id }, order })).map(({ personId, role }) => ({ personId, role: role as string })),
    topics: (await em.getRepository(CollaborationTopic).find({ where: { collaborationId: id }, order })).map((t) => t.topicId),
    funding: (await em.getRepository(CollaborationFunding).find({ where: { collaborationId: id }, order })).map(({ sourceId, sourceName, amountNok }) => ({
      sourceId,
      sourceName,
      amountNok: amountNok === null ? null : Number(amountNok),
    })),
  };
}

/**
 * Puts sub-collaborations under another parent. Each is a change of its own record: its version goes up and its
 * history gets the entry returned here (for the caller's one writeAudit).
 */
async function moveChildren(em: EntityManager, ids: number[], parentId: number): Promise<AuditWrite[]> {
  const before: (SnapshotRecord | null)[] = [];
  for (const id of ids) before.push(await stateOf(em, 'collaborations', id));
  if (ids.length) {
    await em
      .createQueryBuilder()
      .update(Collaboration)
      .set({ parentId, version: () => 'version + 1', updatedAt: () => 'CURRENT_TIMESTAMP' } as never)
      .where('id IN (:...ids)', { ids })
      .execute();
  }
  const entries: AuditWrite[] = [];
  for (const [i, id] of ids.entries()) entries.push({ section: 'collaborations', id, action: AuditAction.UPDATE, before: before[i]!, after: await stateOf(em, 'collaborations', id) });
  return entries;
}

/**
 * Merges one collaboration into another in the caller's transaction: the survivor gets the participants, topics,
 * funding, links and keywords it did not have, the sub-collaborations and the overlap and duplicate reviews; the
 * other is deleted with a pointer to the survivor (its key and global id then lead there) and what moved, for undo.
 * Returns the ids whose analysis changed.
 */
export async function mergeCollaborations(em: EntityManager, request: MergeRequest): Promise<{ keep: Collaboration; changed: number[] }> {
  const keep = await requireRecord(em, Collaboration, request.keep, 'keep');
  const remove = await requireRecord(em, Collaboration, request.remove, 'remove');
  if (keep.id === remove.id) throw RegistryError.of('remove', 'INVALID', 'is the collaboration to keep');
  // One inside the other is a project and its part, not one activity twice.
  if ((await ancestorIds(em, 'collaboration', keep.id)).includes(remove.id)) {
    throw RegistryError.of('keep', 'INVALID', `"${keep.key}" lies inside "${remove.key}": a part and its whole are not duplicates`);
  }
  if ((await ancestorIds(em, 'collaboration', remove.id)).includes(keep.id)) {
    throw RegistryError.of('remove', 'INVALID', `"${remove.key}" lies inside "${keep.key}": a part and its whole are not duplicates`);
  }
  const beforeKeep = await stateOf(em, 'collaborations', keep.id);
  const beforeRemove = await stateOf(em, 'collaborations', remove.id);
  // Both versions are checked, so a caller holding two stale records hears of both at once.
  const stale: FieldProblem[] = [];
  for (const [id, version, field] of [[keep.id, request.keepVersion, 'keepVersion'], [remove.id, request.removeVersion, 'removeVersion']] as const) {
    try {
      await claimVersion(em, Collaboration, id, version, field);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      stale.push(...error.problems);
    }
  }
  if (stale.length) throw new RegistryError(stale);

  const kept = await lists(em, keep.id);
  const removed = await lists(em, remove.id);
  const undo: MergeUndo = {
    units: removed.units.filter((u) => !kept.units.some((k) => sameUnit(k, u))),
    people: removed.people.filter((p) => !kept.people.some((k) => samePerson(k, p))),
    topics: removed.topics.filter((t) => !kept.topics.includes(t)),
    funding: removed.funding.filter((f) => !kept.funding.some((k) => sameFunding(k, f))),
    links: remove.links.filter((l) => !keep.links.includes(l)),
    keywords: remove.keywords.filter((k) => !keep.keywords.includes(k)),
    children: [],
    reviews: [],
    duplicateReviews: [],
  };
  const sizes = { units: kept.units.length + undo.units.length, people: kept.people.length + undo.people.length, topics: kept.topics.length + undo.topics.length, funding: kept.funding.length + undo.funding.length, links: keep.links.length + undo.links.length, keywords: keep.keywords.length + undo.keywords.length };
  const tooLong = (Object.keys(sizes) as (keyof typeof sizes)[]).filter((list) => sizes[list] > COLLABORATION_LISTS[list]);
  if (tooLong.length) {
    throw new RegistryError(tooLong.map((list) => ({ field: 'remove', code: 'TOO_LONG' as const, message: `together they would have ${sizes[list]} ${list}; a collaboration has at most ${COLLABORATION_LISTS[list]}` })));
  }

  await replaceChildren(em, CollaborationUnit, 'collaborationId', keep.id, [...kept.units, ...undo.units] as never);
  await replaceChildren(em, CollaborationPerson, 'collaborationId', keep.id, [...kept.people, ...undo.people] as never);
  await replaceChildren(em, CollaborationTopic, 'collaborationId', keep.id, [...kept.topics, ...undo.topics].map((topicId) => ({ topicId })));
  await replaceChildren(em, CollaborationFunding, 'collaborationId', keep.id, [...kept.funding, ...undo.funding]);
  await em.getRepository(Collaboration).update(keep.id, { links: [...keep.links, ...undo.links], keywords: [...keep.keywords, ...undo.keywords] });

  const children = await rawQuery<{ id: number }>(em, 'SELECT id FROM collaboration WHERE parent_id = $1', [remove.id]);
  undo.children = children.map((c) => Number(c.id));
  const moved = await moveChildren(em, undo.children, keep.id);

  undo.reviews = await moveReviews(em, OverlapReview, remove.id, keep.id);
  undo.duplicateReviews = await moveReviews(em, DuplicateReview, remove.id, keep.id);

  await removeFromIndex(em, [remove.id]);
  await em.getRepository(Collaboration).update(remove.id, { mergedIntoId: keep.id, mergeUndo: JSON.stringify(undo) });
  await em.getRepository(Collaboration).softDelete(remove.id);
  const survivor = (await em.getRepository(Collaboration).findOneBy({ id: keep.id }))!;
  await indexCollaborations(em, [survivor]);
  await writeAudit(em, [
    { section: 'collaborations', id: keep.id, action: AuditAction.UPDATE, before: beforeKeep, after: await stateOf(em, 'collaborations', keep.id) },
    ...moved,
    { section: 'collaborations', id: remove.id, action: AuditAction.MERGE, before: beforeRemove, after: { key: remove.key, mergedInto: keep.key } },
  ]);
  return { keep: survivor, changed: [keep.id, remove.id, ...undo.children] };
}

/**
 * Before a merged collaboration is restored: takes back from the survivor what the merge gave it (what the
 * survivor has gained or lost since is left alone) and returns the children and reviews. Returns the ids whose
 * analysis changed, or null when the record was not merged.
 */
export async function undoMerge(em: EntityManager, removed: Collaboration): Promise<number[] | null> {
  if (removed.mergedIntoId === null || removed.mergeUndo === null) return null;
  const undo = JSON.parse(removed.mergeUndo) as MergeUndo;
  const keep = await em.getRepository(Collaboration).findOneBy({ id: removed.mergedIntoId });
  if (!keep) {
    const survivor = await em.getRepository(Collaboration).findOne({ where: { id: removed.mergedIntoId }, withDeleted: true });
    throw RegistryError.of('id', 'INVALID', `it was merged into "${survivor?.key}", which is deleted; restore that first`);
  }
  const before = await stateOf(em, 'collaborations', keep.id);
  const now = await lists(em, keep.id);
  const units = now.units.filter((u) => !undo.units.some((x) => sameUnit(x, u)));
  if (!units.length) throw RegistryError.of('id', 'INVALID', `"${keep.key}" would keep no unit; add one to it first`);
  await replaceChildren(em, CollaborationUnit, 'collaborationId', keep.id, units as never);
  await replaceChildren(em, CollaborationPerson, 'collaborationId', keep.id, now.people.filter((p) => !undo.people.some((x) => samePerson(x, p))) as never);
  await replaceChildren(em, CollaborationTopic, 'collaborationId', keep.id, now.topics.filter((t) => !undo.topics.includes(t)).map((topicId) => ({ topicId })));
  const funding = [...now.funding];
  for (const f of undo.funding) {
    const at = funding.findIndex((x) => sameFunding(x, f));
    if (at >= 0) funding.splice(at, 1);
  }
  await replaceChildren(em, CollaborationFunding, 'collaborationId', keep.id, funding);
  await em.getRepository(Collaboration).update(keep.id, {
    links: keep.links.filter((l) => !undo.links.includes(l)),
    keywords: keep.keywords.filter((k) => !undo.keywords.includes(k)),
    version: keep.version + 1,
  });
  const children = undo.children.length
    ? (await rawQuery<{ id: number }>(em, `SELECT id FROM collaboration WHERE parent_id = $1 AND id IN (${undo.children.map((_, i) => `$${i + 2}`).join(', ')})`, [keep.id, ...undo.children])).map((c) => Number(c.id))
    : [];
  const moved = await moveChildren(em, children, removed.id);
  await returnReviews(em, OverlapReview, undo.reviews, keep.id, removed.id);
  await returnReviews(em, DuplicateReview, undo.duplicateReviews ?? [], keep.id, removed.id);
  await em.getRepository(Collaboration).update(removed.id, { mergedIntoId: null, mergeUndo: null });
  await indexCollaborations(em, [(await em.getRepository(Collaboration).findOneBy({ id: keep.id }))!]);
  await writeAudit(em, [{ section: 'collaborations', id: keep.id, action: AuditAction.UPDATE, before, after: await stateOf(em, 'collaborations', keep.id) }, ...moved]);
  return [keep.id, ...children];
}
