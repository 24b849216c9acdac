import { DataSource, Repository } from 'typeorm';
import { ChangeFeed } from '../../db/change-feed';
import { RegistryError } from '../../errors/registry-error';
import { normalizeText } from '../../text/normalize';
import { RecordBase } from '../../db/record-base';
import { RecordClass } from '../../db/references';
import { containsCondition, rawQuery } from '../../db/sql';
import { fromGlobalId } from '../../graphql/node-id';
import { Agreement, AgreementContact } from '../agreements/agreement.entity';
import { AuditAction, AuditEntry } from '../audit/audit-entry.entity';
import { currentActor, RECORD_TYPE, stateOf, writeAudit } from '../audit/audit';
import { Collaboration, CollaborationPerson } from '../collaborations/collaboration.entity';
import { undoMerge } from '../collaborations/collaboration.merge';
import { indexCollaborations } from '../collaborations/collaboration.search';
import { Person } from '../people/person.entity';
import { Section } from '../snapshot/snapshot.format';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';

const SECTION_OF: Record<string, { section: Section; cls: RecordClass; table: string }> = {
  Topic: { section: 'topics', cls: Topic, table: 'topic' },
  Unit: { section: 'units', cls: Unit, table: 'unit' },
  Person: { section: 'people', cls: Person, table: 'person' },
  Agreement: { section: 'agreements', cls: Agreement, table: 'agreement' },
  Collaboration: { section: 'collaborations', cls: Collaboration, table: 'collaboration' },
};

/** What each record type refers to: the rows holding the reference (the record itself, or rows listed under it). */
const REFERENCES: Record<string, { from: string; owner: string; column: string; target: string }[]> = {
  Topic: [{ from: 'topic', owner: 'id', column: 'parent_id', target: 'topic' }],
  Unit: [{ from: 'unit', owner: 'id', column: 'parent_id', target: 'unit' }],
  Person: [{ from: 'affiliation', owner: 'person_id', column: 'unit_id', target: 'unit' }],
  Agreement: [
    { from: 'agreement', owner: 'id', column: 'parent_id', target: 'agreement' },
    { from: 'agreement_party', owner: 'agreement_id', column: 'unit_id', target: 'unit' },
    { from: 'agreement_focus_topic', owner: 'agreement_id', column: 'topic_id', target: 'topic' },
    { from: 'agreement_contact', owner: 'agreement_id', column: 'person_id', target: 'person' },
  ],
  Collaboration: [
    { from: 'collaboration', owner: 'id', column: 'parent_id', target: 'collaboration' },
    { from: 'collaboration', owner: 'id', column: 'agreement_id', target: 'agreement' },
    { from: 'collaboration_unit', owner: 'collaboration_id', column: 'unit_id', target: 'unit' },
    { from: 'collaboration_person', owner: 'collaboration_id', column: 'person_id', target: 'person' },
    { from: 'collaboration_topic', owner: 'collaboration_id', column: 'topic_id', target: 'topic' },
    { from: 'collaboration_funding', owner: 'collaboration_id', column: 'source_id', target: 'unit' },
  ],
};

export const ERASED_NAME = '[erased person]';
const PERSONAL_FIELDS = ['name', 'email', 'phone', 'title'];

/** The keys erasePerson gives. */
const ERASED_KEY = /^erased-person-\d+(-\d+)?$/;

/**
 * The keys a person has had, each with the span of audit entries (by id, which grows with time) during which it
 * was theirs: from the entry that gave it (0 when the history does not go back that far) to the one that changed it
 * (null: still theirs). `entries` are the person's own, in order.
 */
function keysHeld(current: string, entries: AuditEntry[]): { key: string; from: number; to: number | null }[] {
  const held: { key: string; from: number; to: number | null }[] = [];
  let from = 0;
  for (const entry of entries) {
    const change = entry.changes.find((c) => c.field === 'key');
    if (!change) continue;
    if (typeof change.before === 'string') held.push({ key: change.before, from, to: entry.id });
    from = entry.id;
  }
  held.push({ key: current, from, to: null });
  return held;
}

/** `erased-person-<id>`, or with a number after it should a record already have that key. */
async function erasedKey(people: Repository<Person>, id: number): Promise<string> {
  for (let n = 1; ; n++) {
    const key = n === 1 ? `erased-person-${id}` : `erased-person-${id}-${n}`;
    if (!(await people.exists({ where: { key }, withDeleted: true }))) return key;
  }
}

/**
 * A history value with the person's key replaced where it names them: the person of a collaboration's `people` and
 * of an agreement's `contacts` (snapshot form); any other value is left as it is.
 */
function renamePerson(value: unknown, oldKey: string, key: string): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => (item && typeof item === 'object' && (item as { person?: unknown }).person === oldKey ? { ...item, person: key } : item));
}

/** Record lifecycle across types: restoring deleted records, and a person's data rights (erasure, export). */
export class RecordsService {
  constructor(
    private readonly ds: DataSource,
    private readonly changes: ChangeFeed,
  ) {}

  private target(globalId: string): { type: string; id: number } & (typeof SECTION_OF)[string] {
    const global = fromGlobalId(globalId);
    const kind = global && SECTION_OF[global.type];
    if (!global || !kind) throw RegistryError.of('id', 'INVALID', `"${globalId}" is not the global id of a record`);
    return { ...global, ...kind };
  }

  /** Brings a deleted record back with its relations, once everything it refers to exists again. */
  async restore(globalId: string): Promise<RecordBase> {
    const { type, id, section, cls } = this.target(globalId);
    const touched: number[] = [];
    const restored = await this.ds.transaction(async (em) => {
      const record = await em.getRepository(cls).findOne({ where: { id } as never, withDeleted: true });
      if (!record) throw RegistryError.of('id', 'NOT_FOUND', `no ${type.toLowerCase()} "${globalId}"`);
      if (!record.deletedAt) throw RegistryError.of('id', 'INVALID', `the ${type.toLowerCase()} "${record.key}" is not deleted`);
      const missing: string[] = [];
      for (const ref of REFERENCES[type]!) {
        const rows = await rawQuery<{ key: string }>(
          em,
          `SELECT x.key AS key FROM "${ref.from}" r JOIN "${ref.target}" x ON x.id = r."${ref.column}" WHERE r."${ref.owner}" = $1 AND x.deleted_at IS NOT NULL`,
          [id],
        );
        missing.push(...rows.map((r) => `${ref.target} "${r.key}"`));
      }
      if (missing.length) {
        throw RegistryError.of('id', 'INVALID', `it refers to deleted records; restore them first: ${[...new Set(missing)].join(', ')}`);
      }
      await em.getRepository(cls).restore(id);
      // A merged collaboration takes back what the merge moved to the survivor once it is back itself, so that the
      // history of what returns to it (its sub-collaborations) names it.
      const merge = type === 'Collaboration' ? await undoMerge(em, record as unknown as Collaboration) : null;
      touched.push(...(merge ?? []));
      await em.getRepository(cls).update(id, { version: record.version + 1 } as never);
      const after = await stateOf(em, section, id);
      await writeAudit(em, [{ section, id, action: AuditAction.RESTORE, before: null, after }]);
      if (type === 'Collaboration') await indexCollaborations(em, [record as unknown as Collaboration]);
      return (await em.getRepository(cls).findOneBy({ id } as never))!;
    });
    if (type === 'Collaboration') for (const changed of [id, ...touched]) this.changes.collaborationChanged(changed);
    else if (type === 'Unit') this.changes.unitChanged(id);
    else if (type === 'Agreement') this.changes.agreementsChanged();
    else this.changes.registryChanged();
    return restored;
  }

  /**
   * Replaces a person's name and contact data with a placeholder, in the record and in its history, and their key
   * too (keys are often the name as a slug): the record and every history entry naming the person, theirs or a
   * collaboration's or agreement's, name them by the new key. Where they took part is kept.
   */
  async erasePerson(globalId: string): Promise<Person> {
    const { type, id } = this.target(globalId);
    if (type !== 'Person') throw RegistryError.of('id', 'INVALID', 'personErase takes the global id of a person');
    return this.ds.transaction(async (em) => {
      const person = await em.getRepository(Person).findOne({ where: { id }, withDeleted: true });
      if (!person) throw RegistryError.of('id', 'NOT_FOUND', `no person "${globalId}"`);
      // Erasing again keeps the placeholder key it was given.
      const key = ERASED_KEY.test(person.key) ? person.key : await erasedKey(em.getRepository(Person), id);
      await em.getRepository(Person).update(id, {
        key,
        name: ERASED_NAME,
        email: null,
        phone: null,
        title: null,
        searchText: normalizeText(`${ERASED_NAME} | ${key}`),
        version: person.version + 1,
      });
      const entries = (await em.getRepository(AuditEntry).findBy({ recordType: RECORD_TYPE.people, recordId: id })).sort((a, b) => a.id - b.id);
      for (const entry of entries) {
        const changes = entry.changes
          .map((c) =>
            PERSONAL_FIELDS.includes(c.field)
              ? { field: c.field, before: c.before === null ? null : c.field === 'name' ? ERASED_NAME : null, after: c.after === null ? null : c.field === 'name' ? ERASED_NAME : null }
              : c.field === 'key'
                ? { field: c.field, before: c.before === null ? null : key, after: c.after === null ? null : key }
                : c,
          )
          // What is left of a change of personal data says nothing but that there was some: left out.
          .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
        await em.getRepository(AuditEntry).update(entry.id, { recordKey: key, changes: changes as never });
      }
      // Other records' history names the person by the key they had then; a key let go may have passed to
      // someone else since, whose part in that history stays theirs.
      for (const held of keysHeld(person.key, entries)) {
        const quoted = containsCondition('entry.changes', 'quoted', JSON.stringify(held.key));
        const naming = em
          .getRepository(AuditEntry)
          .createQueryBuilder('entry')
          .where('entry.recordType IN (:...types)', { types: [RECORD_TYPE.collaborations, RECORD_TYPE.agreements] })
          .andWhere('entry.id > :from', { from: held.from })
          .andWhere(quoted.sql, quoted.params);
        if (held.to !== null) naming.andWhere('entry.id < :to', { to: held.to });
        for (const entry of await naming.getMany()) {
          await em.getRepository(AuditEntry).update(entry.id, { changes: entry.changes.map((c) => ({ ...c, before: renamePerson(c.before, held.key, key), after: renamePerson(c.after, held.key, key) })) as never });
        }
      }
      await em.getRepository(AuditEntry).insert({
        actor: currentActor(),
        action: AuditAction.ERASE,
        recordType: RECORD_TYPE.people,
        recordId: id,
        recordKey: key,
        // What the person is now called: before, and the contact data's erasure, are not kept.
        changes: [
          { field: 'name', before: null, after: ERASED_NAME },
          { field: 'key', before: null, after: key },
        ] as never,
      });
      return (await em.getRepository(Person).findOne({ where: { id }, withDeleted: true }))!;
    });
  }

  /** Everything the registry holds on one person: the record, where they take part, and its history. */
  async exportPerson(globalId: string): Promise<Record<string, unknown>> {
    const { type, id } = this.target(globalId);
    if (type !== 'Person') throw RegistryError.of('id', 'INVALID', 'personExport takes the global id of a person');
    const em = this.ds.manager;
    const person = await em.getRepository(Person).findOne({ where: { id }, withDeleted: true });
    if (!person) throw RegistryError.of('id', 'NOT_FOUND', `no person "${globalId}"`);
    const collaborations = await em
      .getRepository(CollaborationPerson)
      .createQueryBuilder('cp')
      .innerJoinAndMapOne('cp.collaboration', Collaboration, 'c', 'c.id = cp.collaboration_id')
      .where('cp.person_id = :id', { id })
      .getMany();
    const contacts = await em
      .getRepository(AgreementContact)
      .createQueryBuilder('ac')
      .innerJoinAndMapOne('ac.agreement', Agreement, 'a', 'a.id = ac.agreement_id')
      .where('ac.person_id = :id', { id })
      .getMany();
    const history = await em.getRepository(AuditEntry).find({ where: { recordType: RECORD_TYPE.people, recordId: id }, order: { id: 'ASC' } });
    return {
      person: { ...(await stateOf(em, 'people', id)), deleted: person.deletedAt !== null, createdAt: person.createdAt, updatedAt: person.updatedAt },
      collaborations: collaborations.map((cp) => {
        const c = (cp as unknown as { collaboration: Collaboration }).collaboration;
        return { key: c.key, title: c.title, role: cp.role };
      }),
      agreementContacts: contacts.map((ac) => {
        const a = (ac as unknown as { agreement: Agreement }).agreement;
        return { key: a.key, title: a.title, role: ac.role };
      }),
      history: history.map((h) => ({ actor: h.actor, at: h.at, action: h.action, changes: h.changes })),
    };
  }
}
