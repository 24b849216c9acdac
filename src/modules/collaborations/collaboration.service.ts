import DataLoader from 'dataloader';
import { ChangeFeed } from '../../db/change-feed';
import { AuditAction } from '../audit/audit-entry.entity';
import { recordChange, stateOf } from '../audit/audit';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { RegistryError } from '../../errors/registry-error';
import { replaceChildren } from '../../db/children';
import { assertKeyFree, assertNoCycle, claimVersion, requireRecord, requireRef, requireRefs, syncClaimed } from '../../db/references';
import { subtreeIds } from '../../db/sql';
import { assertNotInUse } from '../../db/in-use';
import { lookupRecord } from '../../graphql/lookup';
import { MaybePromise } from '../../db/sync-reads';
import { ReadPlan } from '../../graphql/read-plan';
import { DeleteInput } from '../../graphql/mutation-types';
import { ConnectionArgs, paginate, SortDirection } from '../../graphql/pagination';
import { Agreement } from '../agreements/agreement.entity';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { UnitService } from '../units/unit.service';
import { Collaboration, CollaborationFunding, CollaborationPerson, CollaborationTopic, CollaborationUnit } from './collaboration.entity';
import { Status } from './collaboration.enums';
import { CollaborationLists, collaborationListProblems } from './collaboration.rules';
import {
  COLLABORATION_LISTS,
  CollaborationCreateInput,
  CollaborationFilter,
  CollaborationMergeInput,
  CollaborationOrder,
  CollaborationOrderField,
  CollaborationPersonChangeInput,
  CollaborationPersonInput,
  CollaborationTopicChangeInput,
  CollaborationUnitChangeInput,
  CollaborationUnitInput,
  CollaborationUpdateInput,
  FundingInput,
} from './collaboration.inputs';
import { mergeCollaborations } from './collaboration.merge';
import { indexCollaborations, removeFromIndex, textCondition } from './collaboration.search';

const ORDER_EXPRESSION: Record<CollaborationOrderField, string> = {
  KEY: 'c.key',
  TITLE: 'c.title',
  // Dates are compared as their YYYY-MM-DD text, which sorts like the dates on every database.
  START_DATE: "COALESCE(CAST(c.start_date AS VARCHAR(10)), '')",
  // Open-ended (still running) sorts after every real end date.
  END_DATE: "COALESCE(CAST(c.end_date AS VARCHAR(10)), '9999-12-31')",
};

function assertListsValid(lists: CollaborationLists): void {
  const problems = collaborationListProblems(lists);
  if (problems.length) throw new RegistryError(problems);
}

/** Adding one more to a full list is refused like a create or update with too long a list. */
function refuseFull(count: number, list: 'units' | 'people' | 'topics', field: string): void {
  const max = COLLABORATION_LISTS[list];
  if (count >= max) throw RegistryError.of(field, 'TOO_LONG', `a collaboration has at most ${max} ${list}`);
}

export class CollaborationService {
  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitService,
    private readonly changes: ChangeFeed,
  ) {}

  /** With the read plan of the operation asking, the record lacks the columns it does not select. */
  lookup(id?: string | null, key?: string | null, plan?: ReadPlan): MaybePromise<Collaboration | null> {
    return lookupRecord(this.ds.manager, Collaboration, id, key, plan);
  }

  async list(filter: CollaborationFilter | null | undefined, args: ConnectionArgs, order?: CollaborationOrder | null, records?: DataLoader<number, Collaboration | null>) {
    const query = this.ds.getRepository(Collaboration).createQueryBuilder('c');
    if (filter) await this.applyFilter(query, filter);
    return paginate(query, args, {
      expression: ORDER_EXPRESSION[order?.field ?? CollaborationOrderField.KEY],
      direction: order?.direction ?? SortDirection.ASC,
    }, records);
  }

  private async applyFilter(query: SelectQueryBuilder<Collaboration>, filter: CollaborationFilter): Promise<void> {
    const em = this.ds.manager;
    if (filter.unit != null) {
      const unitIds = await this.units.expand(filter.unit, filter.includeSubunits ?? true, 'filter.unit');
      query.andWhere('c.id IN (SELECT cu.collaboration_id FROM collaboration_unit cu WHERE cu.unit_id IN (:...unitIds))', { unitIds });
    }
    if (filter.topic != null) {
      const topicId = await requireRef(em, Topic, filter.topic, 'filter.topic');
      const topicIds = filter.includeNarrower === false ? [topicId] : await subtreeIds(em, 'topic', [topicId]);
      query.andWhere('c.id IN (SELECT ct.collaboration_id FROM collaboration_topic ct WHERE ct.topic_id IN (:...topicIds))', { topicIds });
    }
    if (filter.kind?.length) query.andWhere('c.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter.status?.length) query.andWhere('c.status IN (:...statuses)', { statuses: filter.status });
    if (filter.axis?.length) {
      // Axes are stored as a JSON list of enum names; a quoted name cannot occur inside another.
      const clauses = filter.axis.map((_, i) => `c.axes LIKE :axis${i}`);
      query.andWhere(`(${clauses.join(' OR ')})`, Object.fromEntries(filter.axis.map((a, i) => [`axis${i}`, `%"${a}"%`])));
    }
    if (filter.agreement != null) {
      query.andWhere('c.agreement_id = :agreementId', { agreementId: await requireRef(em, Agreement, filter.agreement, 'filter.agreement') });
    }
    if (filter.person != null) {
      const personId = await requireRef(em, Person, filter.person, 'filter.person');
      query.andWhere('c.id IN (SELECT cp.collaboration_id FROM collaboration_person cp WHERE cp.person_id = :personId)', { personId });
    }
    if (filter.activeOn) {
      query
        .andWhere('c.status <> :cancelled', { cancelled: Status.CANCELLED })
        .andWhere('(c.start_date IS NULL OR c.start_date <= :activeOn)', { activeOn: filter.activeOn })
        .andWhere('(c.end_date IS NULL OR c.end_date >= :activeOn)', { activeOn: filter.activeOn });
    }
    if (filter.periodFrom && filter.periodTo && filter.periodTo < filter.periodFrom) {
      throw RegistryError.of('filter.periodTo', 'INVALID', 'must not be before periodFrom');
    }
    if (filter.periodTo) query.andWhere('(c.start_date IS NULL OR c.start_date <= :periodTo)', { periodTo: filter.periodTo });
    if (filter.periodFrom) query.andWhere('(c.end_date IS NULL OR c.end_date >= :periodFrom)', { periodFrom: filter.periodFrom });
    if (filter.text != null) {
      const condition = textCondition(this.ds.options.type, 'c', filter.text, 'filter.text');
      if (condition) query.andWhere(condition.sql, condition.params);
    }
  }

  async create(input: CollaborationCreateInput): Promise<Collaboration> {
    const result = await this.ds.transaction(async (em) => {
      await assertKeyFree(em, Collaboration, input.key);
      const collaboration = em.getRepository(Collaboration).create({
        key: input.key,
        title: input.title,
        summary: input.summary ?? null,
        kind: input.kind,
        axes: input.axes ?? [],
        keywords: input.keywords ?? [],
        status: input.status ?? Status.ACTIVE,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        agreementId: input.agreement != null ? await requireRef(em, Agreement, input.agreement, 'agreement') : null,
        parentId: input.parent != null ? await requireRef(em, Collaboration, input.parent, 'parent') : null,
        links: input.links ?? [],
      });
      const saved = await em.getRepository(Collaboration).save(collaboration);
      await this.setUnits(em, saved.id, input.units);
      await this.setPeople(em, saved.id, input.people ?? []);
      await this.setTopics(em, saved.id, input.topics ?? []);
      await this.setFunding(em, saved.id, input.funding ?? []);
      await indexCollaborations(em, [saved]);
      await recordChange(em, 'collaborations', saved.id, AuditAction.CREATE, null);
      return saved;
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  async update(input: CollaborationUpdateInput): Promise<Collaboration> {
    const result = await this.ds.transaction(async (em) => {
      const c = await requireRecord(em, Collaboration, input.id);
      const before = await stateOf(em, 'collaborations', c.id);
      await claimVersion(em, Collaboration, c.id, input.version);
      if (input.key !== undefined && input.key !== c.key) {
        await assertKeyFree(em, Collaboration, input.key, c.id);
        c.key = input.key;
      }
      if (input.title !== undefined) c.title = input.title;
      if (input.summary !== undefined) c.summary = input.summary;
      if (input.kind !== undefined) c.kind = input.kind;
      if (input.axes !== undefined) c.axes = input.axes ?? [];
      if (input.keywords !== undefined) c.keywords = input.keywords ?? [];
      if (input.status !== undefined) c.status = input.status;
      if (input.startDate !== undefined) c.startDate = input.startDate;
      if (input.endDate !== undefined) c.endDate = input.endDate;
      if (c.startDate && c.endDate && c.endDate < c.startDate) {
        throw RegistryError.of(input.endDate !== undefined ? 'endDate' : 'startDate', 'INVALID', `the period would end (${c.endDate}) before it starts (${c.startDate})`);
      }
      if (input.links !== undefined) c.links = input.links ?? [];
      if (input.agreement !== undefined) {
        c.agreementId = input.agreement === null ? null : await requireRef(em, Agreement, input.agreement, 'agreement');
      }
      if (input.parent !== undefined) {
        const parentId = input.parent === null ? null : await requireRef(em, Collaboration, input.parent, 'parent');
        await assertNoCycle(em, 'collaboration', c.id, parentId);
        c.parentId = parentId;
      }
      syncClaimed(c);
      await em.getRepository(Collaboration).save(c);
      if (input.units !== undefined) await this.setUnits(em, c.id, input.units);
      if (input.people !== undefined) await this.setPeople(em, c.id, input.people ?? []);
      if (input.topics !== undefined) await this.setTopics(em, c.id, input.topics ?? []);
      if (input.funding !== undefined) await this.setFunding(em, c.id, input.funding ?? []);
      await indexCollaborations(em, [c]);
      await recordChange(em, 'collaborations', c.id, AuditAction.UPDATE, before);
      return (await em.getRepository(Collaboration).findOneBy({ id: c.id }))!;
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  async delete(input: DeleteInput): Promise<string> {
    const result = await this.ds.transaction(async (em) => {
      const c = await requireRecord(em, Collaboration, input.id);
      const before = await stateOf(em, 'collaborations', c.id);
      await claimVersion(em, Collaboration, c.id, input.version);
      await assertNotInUse(em, 'collaboration', c.id, [{ table: 'collaboration', column: 'parent_id', label: 'sub-collaboration(s)' }]);
      await removeFromIndex(em, [c.id]);
      await em.getRepository(Collaboration).softDelete(c.id);
      await recordChange(em, 'collaborations', c.id, AuditAction.DELETE, before);
      return c;
    });
    this.changes.collaborationChanged(result.id);
    return result.globalId;
  }

  /** Merges a duplicate into the collaboration to keep (see collaboration.merge.ts); restoring the removed one undoes it. */
  async merge(input: CollaborationMergeInput): Promise<Collaboration> {
    const { keep, changed } = await this.ds.transaction((em) => mergeCollaborations(em, input));
    for (const id of changed) this.changes.collaborationChanged(id);
    return keep;
  }

  async addUnit(input: CollaborationUnitChangeInput): Promise<Collaboration> {
    const result = await this.changeChildren(input, async (em, c) => {
      if (!input.role) throw RegistryError.of('role', 'REQUIRED', 'is required when adding a unit');
      const current = await em.getRepository(CollaborationUnit).find({ where: { collaborationId: c.id }, order: { position: 'ASC' } });
      const unitId = await requireRef(em, Unit, input.unit, 'unit');
      refuseFull(current.length, 'units', 'unit');
      if (current.some((p) => p.unitId === unitId && p.role === input.role)) {
        throw RegistryError.of('unit', 'INVALID', `the unit already takes part as ${input.role}`);
      }
      await replaceChildren(em, CollaborationUnit, 'collaborationId', c.id, [
        ...current.map(({ unitId: u, role }) => ({ unitId: u, role })),
        { unitId, role: input.role },
      ]);
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  async removeUnit(input: CollaborationUnitChangeInput): Promise<Collaboration> {
    const result = await this.changeChildren(input, async (em, c) => {
      const unitId = await requireRef(em, Unit, input.unit, 'unit');
      const current = await em.getRepository(CollaborationUnit).find({ where: { collaborationId: c.id }, order: { position: 'ASC' } });
      const kept = current.filter((p) => !(p.unitId === unitId && (!input.role || p.role === input.role)));
      if (kept.length === current.length) throw RegistryError.of('unit', 'NOT_FOUND', 'the unit does not take part in that role');
      if (!kept.length) throw RegistryError.of('unit', 'INVALID', 'a collaboration must keep at least one unit');
      await replaceChildren(em, CollaborationUnit, 'collaborationId', c.id, kept.map(({ unitId: u, role }) => ({ unitId: u, role })));
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  async addPerson(input: CollaborationPersonChangeInput): Promise<Collaboration> {
    const result = await this.changeChildren(input, async (em, c) => {
      if (!input.role) throw RegistryError.of('role', 'REQUIRED', 'is required when adding a person');
      const personId = await requireRef(em, Person, input.person, 'person');
      const current = await em.getRepository(CollaborationPerson).find({ where: { collaborationId: c.id }, order: { position: 'ASC' } });
      refuseFull(current.length, 'people', 'person');
      if (current.some((p) => p.personId === personId && p.role === input.role)) {
        throw RegistryError.of('person', 'INVALID', `the person already takes part as ${input.role}`);
      }
      await replaceChildren(em, CollaborationPerson, 'collaborationId', c.id, [
        ...current.map(({ personId: p, role }) => ({ personId: p, role })),
        { personId, role: input.role },
      ]);
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  async removePerson(input: CollaborationPersonChangeInput): Promise<Collaboration> {
    const result = await this.changeChildren(input, async (em, c) => {
      const personId = await requireRef(em, Person, input.person, 'person');
      const current = await em.getRepository(CollaborationPerson).find({ where: { collaborationId: c.id }, order: { position: 'ASC' } });
      const kept = current.filter((p) => !(p.personId === personId && (!input.role || p.role === input.role)));
      if (kept.length === current.length) throw RegistryError.of('person', 'NOT_FOUND', 'the person does not take part in that role');
      await replaceChildren(em, CollaborationPerson, 'collaborationId', c.id, kept.map(({ personId: p, role }) => ({ personId: p, role })));
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  async addTopic(input: CollaborationTopicChangeInput): Promise<Collaboration> {
    const result = await this.changeChildren(input, async (em, c) => {
      const topicId = await requireRef(em, Topic, input.topic, 'topic');
      const current = await em.getRepository(CollaborationTopic).find({ where: { collaborationId: c.id }, order: { position: 'ASC' } });
      if (current.some((t) => t.topicId === topicId)) throw RegistryError.of('topic', 'INVALID', 'the topic is already tagged');
      refuseFull(current.length, 'topics', 'topic');
      await replaceChildren(em, CollaborationTopic, 'collaborationId', c.id, [...current.map(({ topicId: t }) => ({ topicId: t })), { topicId }]);
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  async removeTopic(input: CollaborationTopicChangeInput): Promise<Collaboration> {
    const result = await this.changeChildren(input, async (em, c) => {
      const topicId = await requireRef(em, Topic, input.topic, 'topic');
      const current = await em.getRepository(CollaborationTopic).find({ where: { collaborationId: c.id }, order: { position: 'ASC' } });
      const kept = current.filter((t) => t.topicId !== topicId);
      if (kept.length === current.length) throw RegistryError.of('topic', 'NOT_FOUND', 'the topic is not tagged');
      await replaceChildren(em, CollaborationTopic, 'collaborationId', c.id, kept.map(({ topicId: t }) => ({ topicId: t })));
    });
    this.changes.collaborationChanged(result.id);
    return result;
  }

  /** Add/remove mutations: claim the version, change one list, return the fresh record. */
  private changeChildren(
    input: { id: string; version: number },
    change: (em: EntityManager, c: Collaboration) => Promise<void>,
  ): Promise<Collaboration> {
    return this.ds.transaction(async (em) => {
      const c = await requireRecord(em, Collaboration, input.id);
      const before = await stateOf(em, 'collaborations', c.id);
      await claimVersion(em, Collaboration, c.id, input.version);
      await change(em, c);
      await recordChange(em, 'collaborations', c.id, AuditAction.UPDATE, before);
      return (await em.getRepository(Collaboration).findOneBy({ id: c.id }))!;
    });
  }

  private async setUnits(em: EntityManager, collaborationId: number, units: CollaborationUnitInput[]): Promise<void> {
    const unitIds = await requireRefs(em, Unit, units.map((u) => u.unit), (i) => `units[${i}].unit`);
    const rows = units.map((u, i) => ({ unitId: unitIds[i]!, role: u.role }));
    assertListsValid({ units: rows.map((r) => ({ unit: r.unitId, role: r.role })) });
    await replaceChildren(em, CollaborationUnit, 'collaborationId', collaborationId, rows);
  }

  private async setPeople(em: EntityManager, collaborationId: number, people: CollaborationPersonInput[]): Promise<void> {
    const personIds = await requireRefs(em, Person, people.map((p) => p.person), (i) => `people[${i}].person`);
    const rows = people.map((p, i) => ({ personId: personIds[i]!, role: p.role }));
    assertListsValid({ people: rows.map((r) => ({ person: r.personId, role: r.role })) });
    await replaceChildren(em, CollaborationPerson, 'collaborationId', collaborationId, rows);
  }

  private async setTopics(em: EntityManager, collaborationId: number, topics: string[]): Promise<void> {
    const topicIds = await requireRefs(em, Topic, topics, (i) => `topics[${i}]`);
    assertListsValid({ topics: topicIds });
    await replaceChildren(em, CollaborationTopic, 'collaborationId', collaborationId, topicIds.map((topicId) => ({ topicId })));
  }

  private async setFunding(em: EntityManager, collaborationId: number, funding: FundingInput[]): Promise<void> {
    assertListsValid({ funding });
    const rows: Omit<CollaborationFunding, 'id' | 'position' | 'collaborationId'>[] = [];
    for (const [i, f] of funding.entries()) {
      rows.push({
        sourceId: f.source != null ? await requireRef(em, Unit, f.source, `funding[${i}].source`) : null,
        sourceName: f.sourceName ?? null,
        amountNok: f.amountNok ?? null,
      });
    }
    await replaceChildren(em, CollaborationFunding, 'collaborationId', collaborationId, rows);
  }
}
