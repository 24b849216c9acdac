import { EntityManager } from 'typeorm';
import { idList, inIdList, rawQuery, subtreeIds } from '../../db/sql';
import { AnalysisData, AUnit, loadCollaborations, loadUnits, subjectDocument } from './analysis.data';
import {
  CollaborationRow,
  deleteRowsOf,
  groundCandidates,
  GroundRow,
  insertCollaborationRows,
  insertGroundRows,
  insertPairRows,
  PairRow,
  readCollaborationRows,
  readSubjects,
} from './analysis.store';
import { gapBasisOf } from './gaps';
import { CollaborationFacts, RecordFacts } from './analysis.facts';
import { OverlapEngine, subjectsOf } from './overlap-engine';
import { SubjectModel, SubjectResult } from './subject-model';

/** The ids at or below the roots, in a tree given as records naming their parent. */
export function subtreeOf(nodes: Iterable<{ id: number; parentId: number | null }>, roots: number[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out = new Set<number>();
  const queue = [...roots];
  while (queue.length) {
    const next = queue.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

/** Adds to `data` every collaboration up the parent chains of those it holds (the "already connected" rule reads them). */
async function addParentChains(em: EntityManager, data: AnalysisData): Promise<void> {
  for (;;) {
    const missing = new Set<number>();
    for (const c of data.collaborations.values()) if (c.parentId !== null && !data.collaborations.has(c.parentId)) missing.add(c.parentId);
    if (!missing.size) return;
    const found = await loadCollaborations(em, missing, { text: false });
    if (!found.size) return;
    for (const [id, c] of found) data.collaborations.set(id, c);
  }
}

/** What the rows of a collaboration hold, from the registry's facts and the model's subject. */
export function collaborationRow(facts: CollaborationFacts, units: Map<number, AUnit>, id: number, subject: SubjectResult | null): CollaborationRow {
  return { collaborationId: id, key: facts.key(id), endDate: facts.endDate(id), subject, parentId: facts.parentId(id), basis: gapBasisOf(facts, units, id) };
}

export interface AppliedChange {
  /** Pairs and collaboration rows added minus those removed. */
  pairs: number;
  collaborations: number;
  /** How many collaborations were classified and paired again. */
  recomputed: number;
}

/**
 * Brings one generation of the analysis up to date with changed collaborations and units, in the caller's
 * transaction: each affected collaboration is classified with the generation's model and paired again by
 * look-ups in analysis_ground, never by a scan of all collaborations. A changed unit affects the collaborations at
 * or below it; a collaboration whose parent or agreement changed affects those below it. More affected
 * collaborations than `limit` (a unit at the top of a big municipality): nothing is done, and null returned.
 */
export async function applyChanges(
  em: EntityManager,
  generation: number,
  model: SubjectModel,
  changed: { collaborations: Iterable<number>; units: Iterable<number> },
  limit = Infinity,
): Promise<AppliedChange | null> {
  const units: Map<number, AUnit> = await loadUnits(em);
  const affected = new Set(changed.collaborations);
  const unitRoots = [...changed.units];
  if (unitRoots.length) {
    const subtree = subtreeOf(units.values(), unitRoots);
    const rows = await rawQuery<{ id: unknown }>(em, `SELECT DISTINCT collaboration_id AS id FROM collaboration_unit WHERE ${inIdList(em, 'unit_id', 1)}`, [idList(em, subtree)]);
    for (const r of rows) affected.add(Number(r.id));
  }
  if (!affected.size) return { pairs: 0, collaborations: 0, recomputed: 0 };
  if (affected.size > limit) return null;

  const before = await readCollaborationRows(em, generation, affected);
  const data: AnalysisData = { units, topics: new Map(), collaborations: await loadCollaborations(em, affected) };
  const facts = new RecordFacts(data);
  await addParentChains(em, data);
  // A collaboration moved, or given another agreement, changes what those below it count as connected and which
  // agreement they run under.
  const roots = [...affected].filter((id) => {
    const fresh = data.collaborations.get(id);
    const old = before.get(id);
    return fresh && old && (old.parentId !== fresh.parentId || old.basis.agreementId !== gapBasisOf(facts, units, id).agreementId);
  });
  for (const id of await subtreeIds(em, 'collaboration', roots)) affected.add(id);
  for (const [id, c] of await loadCollaborations(em, [...affected].filter((id) => !data.collaborations.has(id)))) data.collaborations.set(id, c);
  await addParentChains(em, data);

  const live = [...affected].filter((id) => data.collaborations.has(id)).map((id) => data.collaborations.get(id)!);
  const subjects = new Map<number, SubjectResult>();
  for (const c of live) {
    const subject = model.classify(subjectDocument(data, c));
    if (subject) subjects.set(c.id, subject);
  }
  const removed = await deleteRowsOf(em, generation, [...affected]);
  const engine = OverlapEngine.over(data, model, subjectsOf(subjects));
  const ground: GroundRow[] = [];
  for (const c of live) {
    const topicId = engine.indexable(c.id);
    if (topicId !== null) for (const g of engine.groundOf(c.id)) ground.push({ ...g, topicId, collaborationId: c.id });
  }
  await insertCollaborationRows(em, generation, live.map((c) => collaborationRow(facts, units, c.id, subjects.get(c.id) ?? null)));
  await insertGroundRows(em, generation, ground);

  // Candidates of every affected collaboration (affected ones among them, with their new rows).
  const candidatesOf = await groundCandidates(em, generation, live.filter((c) => engine.indexable(c.id) !== null).map((c) => c.id));
  const others = new Set([...candidatesOf.values()].flat().filter((id) => !subjects.has(id)));
  for (const [id, c] of await loadCollaborations(em, [...others].filter((id) => !data.collaborations.has(id)), { text: false })) data.collaborations.set(id, c);
  await addParentChains(em, data);
  for (const [id, subject] of await readSubjects(em, generation, others)) subjects.set(id, subject);

  const pairs = new Map<string, PairRow>();
  for (const [id, candidates] of candidatesOf) {
    for (const other of candidates) {
      const key = id < other ? `${id}:${other}` : `${other}:${id}`;
      if (pairs.has(key) || !data.collaborations.has(other) || !subjects.has(other)) continue;
      const pair = engine.pairBetween(id, other);
      if (pair) pairs.set(key, { pair, aKey: data.collaborations.get(pair.a)!.key, bKey: data.collaborations.get(pair.b)!.key });
    }
  }
  await insertPairRows(em, generation, [...pairs.values()]);
  return { pairs: pairs.size - removed.pairs, collaborations: live.length - removed.collaborations, recomputed: live.length };
}
