import DataLoader from 'dataloader';
import { ChangeFeed } from '../../db/change-feed';
import { AuditAction } from '../audit/audit-entry.entity';
import { recordChange, stateOf } from '../audit/audit';
import { DataSource, EntityManager } from 'typeorm';
import { replaceChildren } from '../../db/children';
import { assertKeyFree, assertNoCycle, claimVersion, requireRecord, requireRef, requireRefs, syncClaimed } from '../../db/references';
import { assertNotInUse } from '../../db/in-use';
import { lookupRecord } from '../../graphql/lookup';
import { MaybePromise } from '../../db/sync-reads';
import { ReadPlan } from '../../graphql/read-plan';
import { DeleteInput } from '../../graphql/mutation-types';
import { ConnectionArgs, paginate, SortDirection } from '../../graphql/pagination';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { UnitService } from '../units/unit.service';
import { Agreement, AgreementContact, AgreementFocusTopic, AgreementParty } from './agreement.entity';
import {
  AgreementContactInput,
  AgreementCreateInput,
  AgreementFilter,
  AgreementOrder,
  AgreementOrderField,
  AgreementUpdateInput,
} from './agreement.inputs';

const ORDER_EXPRESSION: Record<AgreementOrderField, string> = {
  KEY: 'agreement.key',
  TITLE: 'agreement.title',
  VALID_FROM: "COALESCE(CAST(agreement.valid_from AS VARCHAR(10)), '')",
};

export class AgreementService {
  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitService,
    private readonly changes: ChangeFeed,
  ) {}

  /** With the read plan of the operation asking, the record lacks the columns it does not select. */
  lookup(id?: string | null, key?: string | null, plan?: ReadPlan): MaybePromise<Agreement | null> {
    return lookupRecord(this.ds.manager, Agreement, id, key, plan);
  }

  async list(filter: AgreementFilter | null | undefined, args: ConnectionArgs, order?: AgreementOrder | null, records?: DataLoader<number, Agreement | null>) {
    const query = this.ds.getRepository(Agreement).createQueryBuilder('agreement');
    if (filter?.party != null) {
      const unitIds = await this.units.expand(filter.party, filter.includeSubunits ?? false, 'filter.party');
      query.andWhere('agreement.id IN (SELECT p.agreement_id FROM agreement_party p WHERE p.unit_id IN (:...unitIds))', { unitIds });
    }
    if (filter?.kind?.length) query.andWhere('agreement.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter?.validOn) {
      query.andWhere('(agreement.valid_from IS NULL OR agreement.valid_from <= :validOn)', { validOn: filter.validOn });
      query.andWhere('(agreement.valid_to IS NULL OR agreement.valid_to >= :validOn)', { validOn: filter.validOn });
    }
    return paginate(query, args, {
      expression: ORDER_EXPRESSION[order?.field ?? AgreementOrderField.KEY],
      direction: order?.direction ?? SortDirection.ASC,
    }, records);
  }

  async create(input: AgreementCreateInput): Promise<Agreement> {
    const result = await this.ds.transaction(async (em) => {
      await assertKeyFree(em, Agreement, input.key);
      const agreement = em.getRepository(Agreement).create({
        key: input.key,
        title: input.title,
        kind: input.kind,
        anchoring: input.anchoring ?? null,
        signedOn: input.signedOn ?? null,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        reviewOn: input.reviewOn ?? null,
        parentId: input.parent != null ? await requireRef(em, Agreement, input.parent, 'parent') : null,
        description: input.description ?? null,
      });
      const saved = await em.getRepository(Agreement).save(agreement);
      await this.setParties(em, saved.id, input.parties);
      await this.setFocusTopics(em, saved.id, input.focusTopics ?? []);
      await this.setContacts(em, saved.id, input.contacts ?? []);
      await recordChange(em, 'agreements', saved.id, AuditAction.CREATE, null);
      return saved;
    });
    this.changes.agreementsChanged();
    return result;
  }

  async update(input: AgreementUpdateInput): Promise<Agreement> {
    const result = await this.ds.transaction(async (em) => {
      const agreement = await requireRecord(em, Agreement, input.id);
      const before = await stateOf(em, 'agreements', agreement.id);
      await claimVersion(em, Agreement, agreement.id, input.version);
      if (input.key !== undefined && input.key !== agreement.key) {
        await assertKeyFree(em, Agreement, input.key, agreement.id);
        agreement.key = input.key;
      }
      if (input.title !== undefined) agreement.title = input.title;
      if (input.kind !== undefined) agreement.kind = input.kind;
      if (input.anchoring !== undefined) agreement.anchoring = input.anchoring;
      if (input.signedOn !== undefined) agreement.signedOn = input.signedOn;
      if (input.validFrom !== undefined) agreement.validFrom = input.validFrom;
      if (input.validTo !== undefined) agreement.validTo = input.validTo;
      if (input.reviewOn !== undefined) agreement.reviewOn = input.reviewOn;
      if (input.description !== undefined) agreement.description = input.description;
      if (input.parent !== undefined) {
        const parentId = input.parent === null ? null : await requireRef(em, Agreement, input.parent, 'parent');
        await assertNoCycle(em, 'agreement', agreement.id, parentId);
        agreement.parentId = parentId;
      }
      syncClaimed(agreement);
      await em.getRepository(Agreement).save(agreement);
      if (input.parties !== undefined) await this.setParties(em, agreement.id, input.parties);
      if (input.focusTopics !== undefined) await this.setFocusTopics(em, agreement.id, input.focusTopics ?? []);
      if (input.contacts !== undefined) await this.setContacts(em, agreement.id, input.contacts ?? []);
      await recordChange(em, 'agreements', agreement.id, AuditAction.UPDATE, before);
      return (await em.getRepository(Agreement).findOneBy({ id: agreement.id }))!;
    });
    this.changes.agreementsChanged();
    return result;
  }

  private async setParties(em: EntityManager, agreementId: number, parties: string[]): Promise<void> {
    const unitIds = await requireRefs(em, Unit, parties, (i) => `parties[${i}]`);
    await replaceChildren(em, AgreementParty, 'agreementId', agreementId, unitIds.map((unitId) => ({ unitId })));
  }

  private async setFocusTopics(em: EntityManager, agreementId: number, topics: string[]): Promise<void> {
    const topicIds = await requireRefs(em, Topic, topics, (i) => `focusTopics[${i}]`);
    await replaceChildren(em, AgreementFocusTopic, 'agreementId', agreementId, topicIds.map((topicId) => ({ topicId })));
  }

  private async setContacts(em: EntityManager, agreementId: number, contacts: AgreementContactInput[]): Promise<void> {
    const personIds = await requireRefs(em, Person, contacts.map((c) => c.person), (i) => `contacts[${i}].person`);
    await replaceChildren(
      em,
      AgreementContact,
      'agreementId',
      agreementId,
      contacts.map((c, i) => ({ personId: personIds[i]!, role: c.role ?? null })),
    );
  }

  async delete(input: DeleteInput): Promise<string> {
    const result = await this.ds.transaction(async (em) => {
      const agreement = await requireRecord(em, Agreement, input.id);
      const before = await stateOf(em, 'agreements', agreement.id);
      await claimVersion(em, Agreement, agreement.id, input.version);
      await assertNotInUse(em, 'agreement', agreement.id, [
        { table: 'agreement', column: 'parent_id', label: 'sub-agreement(s)' },
        { table: 'collaboration', column: 'agreement_id', label: 'collaboration(s)' },
      ]);
      await em.getRepository(Agreement).softDelete(agreement.id);
      await recordChange(em, 'agreements', agreement.id, AuditAction.DELETE, before);
      return agreement.globalId;
    });
    this.changes.agreementsChanged();
    return result;
  }
}
