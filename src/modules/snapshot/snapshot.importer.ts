import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { FieldProblem, RegistryError } from '../../errors/registry-error';
import { inputProblems, toInput } from '../../validation/input-rules';
import { rawQuery } from '../../db/sql';
import { Agreement, AgreementContact, AgreementFocusTopic, AgreementParty } from '../agreements/agreement.entity';
import { AgreementCreateInput } from '../agreements/agreement.inputs';
import {
  Collaboration,
  CollaborationFunding,
  CollaborationPerson,
  CollaborationTopic,
  CollaborationUnit,
} from '../collaborations/collaboration.entity';
import { Status } from '../collaborations/collaboration.enums';
import { CollaborationCreateInput } from '../collaborations/collaboration.inputs';
import { CollaborationLists, collaborationListProblems } from '../collaborations/collaboration.rules';
import { indexCollaborations } from '../collaborations/collaboration.search';
import { Affiliation, Person } from '../people/person.entity';
import { PersonCreateInput } from '../people/person.inputs';
import { personSearchText } from '../people/person.service';
import { Topic } from '../topics/topic.entity';
import { TopicCreateInput } from '../topics/topic.inputs';
import { topicSearchText } from '../topics/topic.service';
import { Unit } from '../units/unit.entity';
import { sectorForKind } from '../units/unit.enums';
import { UnitCreateInput } from '../units/unit.inputs';
import { unitSearchText } from '../units/unit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { writeAudit } from '../audit/audit';
import { exportSnapshot } from './snapshot.exporter';
import { canonical, Section, SECTIONS, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotRecord, stableJson } from './snapshot.format';

export interface ImportProgress {
  phase: 'validating' | 'writing';
  section: Section;
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Stop collecting problems after this many (the import fails either way). */
  maxProblems?: number;
  /** Check and write everything, then roll the transaction back: the summary of an import that did not happen. */
  dryRun?: boolean;
}

/** Carries a dry run's summary out of the transaction it rolls back. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

export type SectionCounts = Record<Section, number>;

export interface ImportSummary {
  created: SectionCounts;
  updated: SectionCounts;
  unchanged: SectionCounts;
}

const INPUT_OF: Record<Section, new () => object> = {
  topics: TopicCreateInput,
  units: UnitCreateInput,
  people: PersonCreateInput,
  agreements: AgreementCreateInput,
  collaborations: CollaborationCreateInput,
};

const ENTITY_OF = { topics: Topic, units: Unit, people: Person, agreements: Agreement, collaborations: Collaboration } as const;
const TABLE_OF: Record<Section, string> = { topics: 'topic', units: 'unit', people: 'person', agreements: 'agreement', collaborations: 'collaboration' };
const NOUN_OF: Record<Section, string> = { topics: 'topic', units: 'unit', people: 'person', agreements: 'agreement', collaborations: 'collaboration' };
const TREE_SECTIONS: Section[] = ['topics', 'units', 'agreements', 'collaborations'];

const zero = (): SectionCounts => ({ topics: 0, units: 0, people: 0, agreements: 0, collaborations: 0 });

/** A reference from one record to another, by key, with the path used in error messages. */
interface Reference {
  path: string;
  section: Section;
  key: string;
}

function referencesOf(section: Section, r: Record<string, unknown>): Reference[] {
  const refs: Reference[] = [];
  const add = (path: string, target: Section, key: unknown) => {
    if (typeof key === 'string') refs.push({ path, section: target, key });
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const item = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  switch (section) {
    case 'topics':
      add('parent', 'topics', r.parent);
      break;
    case 'units':
      add('parent', 'units', r.parent);
      break;
    case 'people':
      list(r.affiliations).forEach((a, i) => add(`affiliations[${i}].unit`, 'units', item(a).unit));
      break;
    case 'agreements':
      list(r.parties).forEach((p, i) => add(`parties[${i}]`, 'units', p));
      add('parent', 'agreements', r.parent);
      list(r.focusTopics).forEach((t, i) => add(`focusTopics[${i}]`, 'topics', t));
      list(r.contacts).forEach((c, i) => add(`contacts[${i}].person`, 'people', item(c).person));
      break;
    case 'collaborations':
      list(r.topics).forEach((t, i) => add(`topics[${i}]`, 'topics', t));
      add('agreement', 'agreements', r.agreement);
      add('parent', 'collaborations', r.parent);
      list(r.units).forEach((u, i) => add(`units[${i}].unit`, 'units', item(u).unit));
      list(r.people).forEach((p, i) => add(`people[${i}].person`, 'people', item(p).person));
      list(r.funding).forEach((f, i) => add(`funding[${i}].source`, 'units', item(f).source));
      break;
  }
  return refs;
}

/**
 * Fields named like the members every object inherits (`constructor`, `toString`, `__proto__`…): the input
 * classes' whitelist does not see them as unknown, and `__proto__` would even replace a record's prototype, so
 * they are looked for by own-property checks over the record as parsed, at every level.
 */
function builtInNames(record: object): FieldProblem[] {
  const out: FieldProblem[] = [];
  const stack: { value: object; path: string }[] = [{ value: record, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    for (const [key, item] of Object.entries(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && Object.hasOwn(Object.prototype, key)) out.push({ field, code: 'INVALID', message: 'is not a known field' });
      else if (item && typeof item === 'object') stack.push({ value: item as object, path: field });
    }
  }
  return out.reverse();
}

/**
 * The one importer behind `importRegistry` and `registry import`. All or nothing: every problem is found before
 * anything is written, and the write is one transaction. Idempotent: records are matched on key and a record
 * whose content is unchanged is not touched (its version stays).
 */
export class SnapshotImporter {
  private readonly problems: FieldProblem[] = [];
  private readonly maxProblems: number;

  constructor(
    private readonly ds: DataSource,
    private readonly options: ImportOptions = {},
  ) {
    this.maxProblems = options.maxProblems ?? 100;
  }

  private problem(field: string | null, code: FieldProblem['code'], message: string): void {
    if (this.problems.length < this.maxProblems) this.problems.push({ field, code, message });
  }

  private fail(): void {
    if (this.problems.length) throw new RegistryError(this.problems);
  }

  async run(input: unknown): Promise<ImportSummary> {
    const snapshot = this.checkStructure(input);
    this.fail();
    await this.checkRecords(snapshot);
    const { live: dbKeys, deleted } = await this.loadKeys(this.ds.manager);
    for (const section of SECTIONS) {
      snapshot[section].forEach((record, i) => {
        if (deleted[section].has(record.key)) {
          this.problem(`${this.label(section, i, record)}.key`, 'DUPLICATE_KEY', `belongs to a deleted ${NOUN_OF[section]}; restore it (recordRestore) or choose another key`);
        }
      });
    }
    this.checkReferences(snapshot, dbKeys);
    this.fail();
    await this.checkCycles(snapshot);
    this.fail();
    try {
      return await this.ds.transaction(async (em) => {
        const summary = await this.write(em, snapshot, dbKeys);
        if (this.options.dryRun) throw new DryRunRollback(summary);
        return summary;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.summary;
      throw error;
    }
  }

  private checkStructure(input: unknown): Record<Section, SnapshotRecord[]> {
    const out = Object.fromEntries(SECTIONS.map((s) => [s, []])) as unknown as Record<Section, SnapshotRecord[]>;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      this.problem(null, 'INVALID', 'a snapshot must be a JSON object');
      return out;
    }
    const doc = input as Record<string, unknown>;
    if (doc.format !== SNAPSHOT_FORMAT) this.problem('format', 'INVALID', `must be "${SNAPSHOT_FORMAT}"`);
    if (doc.version !== SNAPSHOT_VERSION) this.problem('version', 'INVALID', `must be ${SNAPSHOT_VERSION} (got ${JSON.stringify(doc.version)})`);
    for (const field of Object.keys(doc)) {
      if (field !== 'format' && field !== 'version' && !(SECTIONS as readonly string[]).includes(field)) {
        this.problem(field, 'INVALID', 'is not a known field of a snapshot');
      }
    }
    for (const section of SECTIONS) {
      const value = doc[section];
      if (value === undefined) continue;
      if (!Array.isArray(value)) {
        this.problem(section, 'INVALID', 'must be a list');
        continue;
      }
      value.forEach((record, i) => {
        if (!record || typeof record !== 'object' || Array.isArray(record)) this.problem(`${section}[${i}]`, 'INVALID', 'must be an object');
      });
      out[section] = value as SnapshotRecord[];
    }
    return out;
  }

  private label(section: Section, i: number, record: SnapshotRecord): string {
    return typeof record.key === 'string' ? `${section}[${i}] (${record.key})` : `${section}[${i}]`;
  }

  private async checkRecords(snapshot: Record<Section, SnapshotRecord[]>): Promise<void> {
    for (const section of SECTIONS) {
      const records = snapshot[section];
      const seen = new Map<string, number>();
      for (const [i, record] of records.entries()) {
        const problems = [...builtInNames(record), ...(await inputProblems(toInput(INPUT_OF[section], record)))];
        if (section === 'collaborations') problems.push(...collaborationListProblems(record as CollaborationLists));
        for (const p of problems) this.problem(`${this.label(section, i, record)}.${p.field}`, p.code, p.message);
        if (typeof record.key === 'string') {
          const first = seen.get(record.key);
          if (first !== undefined) this.problem(`${this.label(section, i, record)}.key`, 'DUPLICATE_KEY', `also used by ${section}[${first}]`);
          else seen.set(record.key, i);
        }
        if (i % 500 === 499) this.options.onProgress?.({ phase: 'validating', section, done: i + 1, total: records.length });
        if (this.problems.length >= this.maxProblems) return;
      }
      this.options.onProgress?.({ phase: 'validating', section, done: records.length, total: records.length });
    }
  }

  /** Keys of live records (which references may name), and keys of deleted ones (which stay taken). */
  private async loadKeys(em: EntityManager): Promise<{ live: Record<Section, Map<string, number>>; deleted: Record<Section, Set<string>> }> {
    const live = {} as Record<Section, Map<string, number>>;
    const deleted = {} as Record<Section, Set<string>>;
    for (const section of SECTIONS) {
      const rows = await rawQuery<{ id: number; key: string; deleted_at: string | null }>(em, `SELECT id, key, deleted_at FROM "${TABLE_OF[section]}"`);
      live[section] = new Map(rows.filter((r) => !r.deleted_at).map((r) => [r.key, Number(r.id)]));
      deleted[section] = new Set(rows.filter((r) => r.deleted_at).map((r) => r.key));
    }
    return { live, deleted };
  }

  private checkReferences(snapshot: Record<Section, SnapshotRecord[]>, dbKeys: Record<Section, Map<string, number>>): void {
    const fileKeys = Object.fromEntries(SECTIONS.map((s) => [s, new Set(snapshot[s].map((r) => r.key))])) as Record<Section, Set<string>>;
    for (const section of SECTIONS) {
      snapshot[section].forEach((record, i) => {
        for (const ref of referencesOf(section, record)) {
          if (!fileKeys[ref.section].has(ref.key) && !dbKeys[ref.section].has(ref.key)) {
            this.problem(`${this.label(section, i, record)}.${ref.path}`, 'UNKNOWN_REFERENCE', `unknown ${NOUN_OF[ref.section]} "${ref.key}"`);
          }
        }
      });
    }
  }

  /** The trees as they would be after the import (database parents overridden by the file's) must stay trees. */
  private async checkCycles(snapshot: Record<Section, SnapshotRecord[]>): Promise<void> {
    for (const section of TREE_SECTIONS) {
      if (!snapshot[section].length) continue;
      const table = TABLE_OF[section];
      const rows = await rawQuery<{ key: string; parent: string | null }>(
        this.ds.manager,
        `SELECT t.key AS key, p.key AS parent FROM "${table}" t LEFT JOIN "${table}" p ON p.id = t.parent_id`,
      );
      const parentOf = new Map(rows.map((r) => [r.key, r.parent]));
      for (const record of snapshot[section]) parentOf.set(record.key, typeof record.parent === 'string' ? record.parent : null);
      snapshot[section].forEach((record, i) => {
        const seen = new Set<string>([record.key]);
        let next = parentOf.get(record.key) ?? null;
        while (next !== null) {
          if (seen.has(next)) {
            if (next === record.key) this.problem(`${this.label(section, i, record)}.parent`, 'CYCLE', `"${record.key}" would be its own ancestor`);
            break;
          }
          seen.add(next);
          next = parentOf.get(next) ?? null;
        }
      });
    }
  }

  private async write(
    em: EntityManager,
    snapshot: Record<Section, SnapshotRecord[]>,
    dbKeys: Record<Section, Map<string, number>>,
  ): Promise<ImportSummary> {
    const summary: ImportSummary = { created: zero(), updated: zero(), unchanged: zero() };
    // The records the file names that exist already, in snapshot form, to tell changed from unchanged.
    const scope = Object.fromEntries(
      SECTIONS.map((s) => [s, snapshot[s].map((r) => dbKeys[s].get(r.key)).filter((id): id is number => id !== undefined)]),
    ) as Record<Section, number[]>;
    const current = new Map<string, SnapshotRecord>();
    if (SECTIONS.some((s) => scope[s].length)) {
      const existing = await exportSnapshot(em, scope);
      for (const section of SECTIONS) for (const r of existing[section] ?? []) current.set(`${section}/${r.key}`, canonical(section, r) as SnapshotRecord);
    }
    const audit: Parameters<typeof writeAudit>[1] = [];
    const ids = dbKeys;

    for (const section of SECTIONS) {
      const changed: SnapshotRecord[] = [];
      for (const record of snapshot[section]) {
        const before = current.get(`${section}/${record.key}`);
        if (before !== undefined && stableJson(before) === stableJson(canonical(section, record))) summary.unchanged[section] += 1;
        else changed.push(record);
      }
      const fresh = changed.filter((r) => !ids[section].has(r.key));
      const stale = changed.filter((r) => ids[section].has(r.key));
      summary.created[section] = fresh.length;
      summary.updated[section] = stale.length;

      const rowOf = (r: SnapshotRecord) => this.row(section, r, ids);
      await insertChunked(em, ENTITY_OF[section], fresh.map(rowOf));
      const freshIds = await keyIds(em, ENTITY_OF[section], fresh.map((r) => r.key));
      for (const [key, id] of freshIds) ids[section].set(key, id);
      for (const r of stale) {
        await em
          .createQueryBuilder()
          .update(ENTITY_OF[section])
          .set({ ...rowOf(r), version: () => 'version + 1', updatedAt: () => 'CURRENT_TIMESTAMP' } as never)
          .where('id = :id', { id: ids[section].get(r.key) })
          .execute();
      }
      await this.writeChildren(em, section, changed, ids);
      if (TREE_SECTIONS.includes(section)) {
        // Parents may point forward in the file, so they are set once every record of the section has an id.
        for (const r of changed) {
          const parentId = typeof r.parent === 'string' ? ids[section].get(r.parent)! : null;
          await rawQuery(em, `UPDATE "${TABLE_OF[section]}" SET parent_id = $1 WHERE id = $2`, [parentId, ids[section].get(r.key)]);
        }
      }
      if (section === 'collaborations') {
        const rows = changed.map((r) => ({
          id: ids.collaborations.get(r.key)!,
          title: r.title as string,
          summary: (r.summary as string | undefined) ?? null,
          keywords: (r.keywords as string[] | undefined) ?? [],
        }));
        for (let i = 0; i < rows.length; i += 500) {
          await indexCollaborations(em, rows.slice(i, i + 500));
          this.options.onProgress?.({ phase: 'writing', section, done: Math.min(i + 500, rows.length), total: rows.length });
        }
      }
      for (const r of changed) {
        const before = current.get(`${section}/${r.key}`) ?? null;
        audit.push({ section, id: ids[section].get(r.key)!, action: before ? AuditAction.UPDATE : AuditAction.CREATE, before, after: canonical(section, r) as SnapshotRecord });
      }
      this.options.onProgress?.({ phase: 'writing', section, done: changed.length, total: changed.length });
    }
    await writeAudit(em, audit);
    return summary;
  }

  /** The record's own columns (tree parents are set afterwards). */
  private row(section: Section, r: SnapshotRecord, ids: Record<Section, Map<string, number>>): ObjectLiteral {
    const s = (v: unknown) => (typeof v === 'string' ? v : null);
    switch (section) {
      case 'topics': {
        const row = { key: r.key, label: r.label as string, labelEn: s(r.labelEn), synonyms: (r.synonyms as string[] | undefined) ?? [] };
        return { ...row, searchText: topicSearchText(row) };
      }
      case 'units': {
        const ident = (r.identifiers ?? {}) as Record<string, unknown>;
        const kind = r.kind as Unit['kind'];
        const row = { key: r.key, name: r.name as string, shortName: s(r.shortName) };
        return {
          ...row,
          kind,
          sector: (s(r.sector) as Unit['sector'] | null) ?? sectorForKind(kind),
          sectorExplicit: typeof r.sector === 'string',
          orgNumber: s(ident.orgNumber),
          municipalityNumber: s(ident.municipalityNumber),
          districtNumber: s(ident.districtNumber),
          ror: s(ident.ror),
          cristin: s(ident.cristin),
          website: s(r.website),
          description: s(r.description),
          searchText: unitSearchText(row),
        };
      }
      case 'people': {
        const row = { key: r.key, name: r.name as string, email: s(r.email), phone: s(r.phone), title: s(r.title) };
        return { ...row, searchText: personSearchText(row) };
      }
      case 'agreements':
        return {
          key: r.key,
          title: r.title as string,
          kind: r.kind,
          anchoring: s(r.anchoring),
          signedOn: s(r.signedOn),
          validFrom: s(r.validFrom),
          validTo: s(r.validTo),
          reviewOn: s(r.reviewOn),
          description: s(r.description),
        };
      case 'collaborations':
        return {
          key: r.key,
          title: r.title as string,
          summary: s(r.summary),
          kind: r.kind,
          axes: (r.axes as string[] | undefined) ?? [],
          keywords: (r.keywords as string[] | undefined) ?? [],
          status: s(r.status) ?? Status.ACTIVE,
          startDate: s(r.startDate),
          endDate: s(r.endDate),
          agreementId: typeof r.agreement === 'string' ? ids.agreements.get(r.agreement)! : null,
          links: (r.links as string[] | undefined) ?? [],
        };
    }
  }

  private async writeChildren(em: EntityManager, section: Section, records: SnapshotRecord[], ids: Record<Section, Map<string, number>>): Promise<void> {
    const own = records.map((r) => ids[section].get(r.key)!);
    type Row = Record<string, unknown>;
    const list = (v: unknown) => (Array.isArray(v) ? (v as Row[]) : []);
    const positioned = (rows: Row[], parent: Row) => rows.map((row, position) => ({ ...row, ...parent, position }));
    const replace = async (entity: EntityTarget<ObjectLiteral>, parentColumn: string, build: (r: SnapshotRecord) => Row[]) => {
      await deleteChunked(em, entity, parentColumn, own);
      const rows = records.flatMap((r) => positioned(build(r), { [parentColumn]: ids[section].get(r.key) }));
      await insertChunked(em, entity, rows);
    };
    const unitId = (key: unknown) => ids.units.get(key as string)!;
    switch (section) {
      case 'people':
        await replace(Affiliation, 'personId', (r) =>
          list(r.affiliations).map((a) => ({ unitId: unitId(a.unit), role: a.role ?? null, from: a.from ?? null, to: a.to ?? null })),
        );
        break;
      case 'agreements':
        await replace(AgreementParty, 'agreementId', (r) => list(r.parties).map((p) => ({ unitId: unitId(p) })));
        await replace(AgreementFocusTopic, 'agreementId', (r) => list(r.focusTopics).map((t) => ({ topicId: ids.topics.get(t as unknown as string)! })));
        await replace(AgreementContact, 'agreementId', (r) =>
          list(r.contacts).map((c) => ({ personId: ids.people.get(c.person as string)!, role: c.role ?? null })),
        );
        break;
      case 'collaborations':
        await replace(CollaborationUnit, 'collaborationId', (r) => list(r.units).map((u) => ({ unitId: unitId(u.unit), role: u.role })));
        await replace(CollaborationPerson, 'collaborationId', (r) =>
          list(r.people).map((p) => ({ personId: ids.people.get(p.person as string)!, role: p.role })),
        );
        await replace(CollaborationTopic, 'collaborationId', (r) => list(r.topics).map((t) => ({ topicId: ids.topics.get(t as unknown as string)! })));
        await replace(CollaborationFunding, 'collaborationId', (r) =>
          list(r.funding).map((f) => ({
            sourceId: typeof f.source === 'string' ? unitId(f.source) : null,
            sourceName: f.sourceName ?? null,
            amountNok: f.amountNok ?? null,
          })),
        );
        break;
      default:
        break;
    }
  }
}

const CHUNK = 100;

async function insertChunked(em: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + CHUNK)).updateEntity(false).execute();
  }
}

async function deleteChunked(em: EntityManager, entity: EntityTarget<ObjectLiteral>, column: string, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await em.getRepository(entity).delete({ [column]: In(ids.slice(i, i + 500)) });
  }
}

async function keyIds(em: EntityManager, entity: EntityTarget<ObjectLiteral>, keys: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await em.getRepository(entity).find({ select: { id: true, key: true }, where: { key: In(keys.slice(i, i + 500)) } });
    for (const row of rows) out.set(row.key as string, row.id as number);
  }
  return out;
}

