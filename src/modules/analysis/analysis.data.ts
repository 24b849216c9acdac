import { EntityManager, In } from 'typeorm';
import { Collaboration, CollaborationPerson, CollaborationTopic, CollaborationUnit } from '../collaborations/collaboration.entity';
import { CollaborationKind, ParticipantRole, PersonRole, Status } from '../collaborations/collaboration.enums';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Sector } from '../units/unit.enums';
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

/** The registry as the analyses read it: all of it for a full build, a neighbourhood for an incremental update. */
export interface AnalysisData {
  units: Map<number, AUnit>;
  topics: Map<number, ATopic>;
  collaborations: Map<number, ACollaboration>;
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

/** Everything the analyses need, in one query per table (one after the other: a transaction has one connection). */
export async function loadAnalysisData(em: EntityManager): Promise<AnalysisData> {
  const units = await loadUnits(em);
  const topics = await loadTopics(em);
  const collaborations = await em.getRepository(Collaboration).find();
  const cUnits = await em.getRepository(CollaborationUnit).find();
  const cPeople = await em.getRepository(CollaborationPerson).find();
  const cTopics = await em.getRepository(CollaborationTopic).find();
  const unitsOf = group(cUnits, (r) => r.collaborationId);
  const peopleOf = group(cPeople, (r) => r.collaborationId);
  const topicsOf = group(cTopics, (r) => r.collaborationId);
  return {
    units,
    topics,
    collaborations: new Map(collaborations.map((c) => [c.id, toCollaboration(c, unitsOf.get(c.id) ?? [], peopleOf.get(c.id) ?? [], topicsOf.get(c.id) ?? [])])),
  };
}

/** The topic tree as the analyses read it. */
export async function loadTopics(em: EntityManager): Promise<Map<number, ATopic>> {
  const topics = await em.getRepository(Topic).find();
  return new Map(topics.map((t) => [t.id, { id: t.id, key: t.key, label: t.label, parentId: t.parentId, synonyms: t.synonyms }]));
}

/** The unit tree as the analyses read it. */
export async function loadUnits(em: EntityManager): Promise<Map<number, AUnit>> {
  const units = await em.getRepository(Unit).find({ select: { id: true, key: true, name: true, parentId: true, sector: true } });
  return new Map(units.map((u) => [u.id, { id: u.id, key: u.key, name: u.name, parentId: u.parentId, sector: u.sector }]));
}

/** Live collaborations by id, fresh from the database (for incremental updates and explanations); missing ids are absent. */
export async function loadCollaborations(em: EntityManager, ids: Iterable<number>): Promise<Map<number, ACollaboration>> {
  const out = new Map<number, ACollaboration>();
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    const collaborations = await em.getRepository(Collaboration).findBy({ id: In(chunk) });
    const units = await em.getRepository(CollaborationUnit).findBy({ collaborationId: In(chunk) });
    const people = await em.getRepository(CollaborationPerson).findBy({ collaborationId: In(chunk) });
    const topics = await em.getRepository(CollaborationTopic).findBy({ collaborationId: In(chunk) });
    const unitsOf = group(units, (r) => r.collaborationId);
    const peopleOf = group(people, (r) => r.collaborationId);
    const topicsOf = group(topics, (r) => r.collaborationId);
    for (const c of collaborations) out.set(c.id, toCollaboration(c, unitsOf.get(c.id) ?? [], peopleOf.get(c.id) ?? [], topicsOf.get(c.id) ?? []));
  }
  return out;
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
