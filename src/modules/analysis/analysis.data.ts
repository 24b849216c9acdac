import { EntityManager } from 'typeorm';
import { idList, inIdList, rawRows } from '../../db/sql';
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
  shortName: string | null;
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
  const units = await em.getRepository(Unit).find({ select: { id: true, key: true, name: true, shortName: true, parentId: true, sector: true } });
  return new Map(units.map((u) => [u.id, { id: u.id, key: u.key, name: u.name, shortName: u.shortName, parentId: u.parentId, sector: u.sector }]));
}

/**
 * Live collaborations by id, fresh from the database (for incremental updates and explanations); missing ids are
 * absent. Without `text`, titles, summaries and keywords are left empty: the pair rules never read them, and a
 * write's neighbourhood can be tens of thousands of collaborations.
 */
export async function loadCollaborations(em: EntityManager, ids: Iterable<number>, options: { text?: boolean } = {}): Promise<Map<number, ACollaboration>> {
  const out = new Map<number, ACollaboration>();
  const all = [...new Set(ids)];
  if (!all.length) return out;
  const list = idList(em, all);
  const text = options.text !== false;
  const rows = await rawRows(
    em,
    `SELECT id, key, ${text ? 'title, summary, keywords' : "'', NULL, '[]'"}, kind, status, start_date, end_date, parent_id, agreement_id FROM collaboration
     WHERE ${inIdList(em, 'id', 1)} AND deleted_at IS NULL`,
    [list],
  );
  for (const [id, key, title, summary, keywords, kind, status, start, end, parent, agreement] of rows) {
    out.set(Number(id), {
      id: Number(id),
      key: String(key),
      title: String(title),
      summary: (summary as string | null) ?? null,
      keywords: JSON.parse(String(keywords)) as string[],
      kind: kind as CollaborationKind,
      status: status as Status,
      startDate: dateText(start),
      endDate: dateText(end),
      parentId: parent === null ? null : Number(parent),
      agreementId: agreement === null ? null : Number(agreement),
      units: [],
      people: [],
      topicIds: [],
    });
  }
  const listed = (table: string, columns: string) =>
    rawRows(em, `SELECT collaboration_id, ${columns} FROM ${table} WHERE ${inIdList(em, 'collaboration_id', 1)} ORDER BY collaboration_id, position`, [list]);
  for (const [c, unit, role] of await listed('collaboration_unit', 'unit_id, role')) out.get(Number(c))?.units.push({ unitId: Number(unit), role: role as ParticipantRole });
  for (const [c, person, role] of await listed('collaboration_person', 'person_id, role')) out.get(Number(c))?.people.push({ personId: Number(person), role: role as PersonRole });
  for (const [c, topic] of await listed('collaboration_topic', 'topic_id')) out.get(Number(c))?.topicIds.push(Number(topic));
  return out;
}

/** A date column as `YYYY-MM-DD` (pg reads DATE columns of raw queries as local midnight). */
export const dateText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
      : String(value);

/** The names and short names ("USN") of a unit and of every unit above it: what the subject model leaves out. */
export function unitNamesUp(units: Map<number, AUnit>, unitId: number): string[] {
  const names: string[] = [];
  const seen = new Set<number>();
  for (let u = units.get(unitId); u && !seen.has(u.id); u = u.parentId === null ? undefined : units.get(u.parentId)) {
    seen.add(u.id);
    names.push(u.name);
    if (u.shortName) names.push(u.shortName);
  }
  return names;
}

/** What the subject model reads of a collaboration: its own text and tags, and the names of its units and those above them. */
export function subjectDocument(data: AnalysisData, c: ACollaboration): SubjectDocument {
  const unitNames = c.units.flatMap(({ unitId }) => unitNamesUp(data.units, unitId));
  return { id: c.id, title: c.title, summary: c.summary, keywords: c.keywords, topicIds: c.topicIds, unitNames };
}
