import { EntityManager } from 'typeorm';
import { Agreement } from '../agreements/agreement.entity';
import { Collaboration, CollaborationPerson, CollaborationTopic, CollaborationUnit } from '../collaborations/collaboration.entity';
import { CollaborationKind, ParticipantRole, PersonRole, Status } from '../collaborations/collaboration.enums';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Sector } from '../units/unit.enums';
import { OverlapReview } from './overlap-review.entity';
import type { SubjectDocument } from './subject-model';

/** The slice of the registry the analyses read, held in memory as plain data (no ORM objects). */
export interface AUnit {
  id: number;
  key: string;
  name: string;
  parentId: number | null;
  sector: Sector;
}

export interface ACollaboration {
  id: number;
  key: string;
  title: string;
  summary: string | null;
  keywords: string[];
  kind: CollaborationKind;
  status: Status;
  startDate: string | null;
  endDate: string | null;
  parentId: number | null;
  agreementId: number | null;
  units: { unitId: number; role: ParticipantRole }[];
  people: { personId: number; role: PersonRole }[];
  topicIds: number[];
}

export interface ATopic {
  id: number;
  key: string;
  label: string;
  parentId: number | null;
  synonyms: string[];
}

export interface AnalysisData {
  units: Map<number, AUnit>;
  topics: Map<number, ATopic>;
  collaborations: Map<number, ACollaboration>;
  agreementValidTo: Map<number, string | null>;
  reviews: Map<string, OverlapReview>;
}

export const pairKey = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

function group<T>(rows: T[], keyOf: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(keyOf(row));
    if (list) list.push(row);
    else out.set(keyOf(row), [row]);
  }
  return out;
}

function toCollaboration(c: Collaboration, units: CollaborationUnit[], people: CollaborationPerson[], topics: CollaborationTopic[]): ACollaboration {
  const byPosition = <T extends { position: number }>(rows: T[]) => [...rows].sort((x, y) => x.position - y.position);
  return {
    id: c.id,
    key: c.key,
    title: c.title,
    summary: c.summary,
    keywords: c.keywords,
    kind: c.kind,
    status: c.status,
    startDate: c.startDate,
    endDate: c.endDate,
    parentId: c.parentId,
    agreementId: c.agreementId,
    units: byPosition(units).map((u) => ({ unitId: u.unitId, role: u.role })),
    people: byPosition(people).map((p) => ({ personId: p.personId, role: p.role })),
    topicIds: byPosition(topics).map((t) => t.topicId),
  };
}

/** Everything the analyses need, in one query per table. */
export async function loadAnalysisData(em: EntityManager): Promise<AnalysisData> {
  const [units, topics, agreements, collaborations, cUnits, cPeople, cTopics, reviews] = await Promise.all([
    loadUnits(em),
    em.getRepository(Topic).find(),
    loadAgreementValidity(em),
    em.getRepository(Collaboration).find(),
    em.getRepository(CollaborationUnit).find(),
    em.getRepository(CollaborationPerson).find(),
    em.getRepository(CollaborationTopic).find(),
    em.getRepository(OverlapReview).find(),
  ]);
  const unitsOf = group(cUnits, (r) => r.collaborationId);
  const peopleOf = group(cPeople, (r) => r.collaborationId);
  const topicsOf = group(cTopics, (r) => r.collaborationId);
  return {
    units,
    topics: new Map(topics.map((t) => [t.id, { id: t.id, key: t.key, label: t.label, parentId: t.parentId, synonyms: t.synonyms }])),
    agreementValidTo: agreements,
    collaborations: new Map(collaborations.map((c) => [c.id, toCollaboration(c, unitsOf.get(c.id) ?? [], peopleOf.get(c.id) ?? [], topicsOf.get(c.id) ?? [])])),
    reviews: new Map(reviews.map((r) => [pairKey(r.aId, r.bId), r])),
  };
}

/** The unit tree as the analyses read it. */
export async function loadUnits(em: EntityManager): Promise<Map<number, AUnit>> {
  const units = await em.getRepository(Unit).find({ select: { id: true, key: true, name: true, parentId: true, sector: true } });
  return new Map(units.map((u) => [u.id, { id: u.id, key: u.key, name: u.name, parentId: u.parentId, sector: u.sector }]));
}

/** When each agreement ends: all the analyses read of agreements (for the gaps). */
export async function loadAgreementValidity(em: EntityManager): Promise<Map<number, string | null>> {
  const agreements = await em.getRepository(Agreement).find({ select: { id: true, validTo: true } });
  return new Map(agreements.map((a) => [a.id, a.validTo]));
}

/** One collaboration, fresh from the database (for incremental updates after a write). */
export async function loadCollaboration(em: EntityManager, id: number): Promise<ACollaboration | null> {
  const c = await em.getRepository(Collaboration).findOneBy({ id });
  if (!c) return null;
  const [units, people, topics] = await Promise.all([
    em.getRepository(CollaborationUnit).findBy({ collaborationId: id }),
    em.getRepository(CollaborationPerson).findBy({ collaborationId: id }),
    em.getRepository(CollaborationTopic).findBy({ collaborationId: id }),
  ]);
  return toCollaboration(c, units, people, topics);
}

/** What the subject model reads of a collaboration: its own text and tags, and the names of its units and their ancestors. */
export function subjectDocument(data: AnalysisData, c: ACollaboration): SubjectDocument {
  const unitNames: string[] = [];
  for (const { unitId } of c.units) {
    const seen = new Set<number>();
    for (let u = data.units.get(unitId); u && !seen.has(u.id); u = u.parentId === null ? undefined : data.units.get(u.parentId)) {
      seen.add(u.id);
      unitNames.push(u.name);
    }
  }
  return { id: c.id, title: c.title, summary: c.summary, keywords: c.keywords, topicIds: c.topicIds, unitNames };
}
