import DataLoader from 'dataloader';
import { AuditAction } from '../audit/audit-entry.entity';
import { recordChange, stateOf } from '../audit/audit';
import { DataSource, EntityManager } from 'typeorm';
import { containsCondition } from '../../db/sql';
import { normalizeText, searchText } from '../../text/normalize';
import { replaceChildren } from '../../db/children';
import { assertKeyFree, claimVersion, requireRecord, requireRefs, syncClaimed } from '../../db/references';
import { assertNotInUse } from '../../db/in-use';
import { lookupRecord } from '../../graphql/lookup';
import { MaybePromise } from '../../db/sync-reads';
import { ReadPlan } from '../../graphql/read-plan';
import { DeleteInput } from '../../graphql/mutation-types';
import { ConnectionArgs, paginate, SortDirection } from '../../graphql/pagination';
import { Unit } from '../units/unit.entity';
import { UnitService } from '../units/unit.service';
import { Affiliation, Person } from './person.entity';
import { AffiliationInput, PersonCreateInput, PersonFilter, PersonOrder, PersonOrderField, PersonUpdateInput } from './person.inputs';

/**
 * What anyone may find a person by: name, title and key. E-mail and phone are personal data and stay out of it, so
 * an anonymous caller cannot rebuild them by searching; token holders also match e-mail (see `list`).
 */
export function personSearchText(p: Pick<Person, 'key' | 'name' | 'title'>): string {
  return normalizeText([p.name, p.title ?? '', p.key].join(' | '));
}

const ORDER_EXPRESSION: Record<PersonOrderField, string> = { KEY: 'person.key', NAME: 'person.name' };

/**
 * People's own fields feed no derived state (the analyses reach people through collaborations, whose writes are
 * reported), so unlike the other services this one reports no changes.
 */
export class PersonService {
  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitService,
  ) {}

  /** With the read plan of the operation asking, the record lacks the columns it does not select. */
  lookup(id?: string | null, key?: string | null, plan?: ReadPlan): MaybePromise<Person | null> {
    return lookupRecord(this.ds.manager, Person, id, key, plan);
  }

  async list(filter: PersonFilter | null | undefined, args: ConnectionArgs, order: PersonOrder | null | undefined, mayReadPersonal: boolean, records?: DataLoader<number, Person | null>) {
    const query = this.ds.getRepository(Person).createQueryBuilder('person');
    if (filter?.unit != null) {
      const unitIds = await this.units.expand(filter.unit, filter.includeSubunits ?? true, 'filter.unit');
      query.andWhere('person.id IN (SELECT a.person_id FROM affiliation a WHERE a.unit_id IN (:...unitIds))', { unitIds });
    }
    if (filter?.text) {
      const text = searchText(filter.text, 'filter.text').normalized;
      const contains = containsCondition('person.search_text', 'text', text);
      if (!mayReadPersonal) query.andWhere(contains.sql, contains.params);
      else {
        const email = containsCondition('LOWER(person.email)', 'email', text);
        query.andWhere(`(${contains.sql} OR ${email.sql})`, { ...contains.params, ...email.params });
      }
    }
    return paginate(query, args, {
      expression: ORDER_EXPRESSION[order?.field ?? PersonOrderField.KEY],
      direction: order?.direction ?? SortDirection.ASC,
    }, records);
  }

  create(input: PersonCreateInput): Promise<Person> {
    return this.ds.transaction(async (em) => {
      await assertKeyFree(em, Person, input.key);
      const person = em.getRepository(Person).create({
        key: input.key,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        title: input.title ?? null,
      });
      person.searchText = personSearchText(person);
      const saved = await em.getRepository(Person).save(person);
      await this.setAffiliations(em, saved.id, input.affiliations ?? []);
      await recordChange(em, 'people', saved.id, AuditAction.CREATE, null);
      return saved;
    });
  }

  update(input: PersonUpdateInput): Promise<Person> {
    return this.ds.transaction(async (em) => {
      const person = await requireRecord(em, Person, input.id);
      const before = await stateOf(em, 'people', person.id);
      await claimVersion(em, Person, person.id, input.version);
      if (input.key !== undefined && input.key !== person.key) {
        await assertKeyFree(em, Person, input.key, person.id);
        person.key = input.key;
      }
      if (input.name !== undefined) person.name = input.name;
      if (input.email !== undefined) person.email = input.email;
      if (input.phone !== undefined) person.phone = input.phone;
      if (input.title !== undefined) person.title = input.title;
      syncClaimed(person);
      person.searchText = personSearchText(person);
      await em.getRepository(Person).save(person);
      if (input.affiliations !== undefined) await this.setAffiliations(em, person.id, input.affiliations);
      await recordChange(em, 'people', person.id, AuditAction.UPDATE, before);
      return (await em.getRepository(Person).findOneBy({ id: person.id }))!;
    });
  }

  private async setAffiliations(em: EntityManager, personId: number, affiliations: AffiliationInput[]): Promise<void> {
    const unitIds = await requireRefs(em, Unit, affiliations.map((a) => a.unit), (i) => `affiliations[${i}].unit`);
    await replaceChildren(
      em,
      Affiliation,
      'personId',
      personId,
      affiliations.map((a, i) => ({ unitId: unitIds[i]!, role: a.role ?? null, from: a.from ?? null, to: a.to ?? null })),
    );
  }

  delete(input: DeleteInput): Promise<string> {
    return this.ds.transaction(async (em) => {
      const person = await requireRecord(em, Person, input.id);
      const before = await stateOf(em, 'people', person.id);
      await claimVersion(em, Person, person.id, input.version);
      await assertNotInUse(em, 'person', person.id, [
        { table: 'collaboration_person', column: 'person_id', label: 'collaboration(s)', owner: { table: 'collaboration', column: 'collaboration_id' } },
        { table: 'agreement_contact', column: 'person_id', label: 'agreement contact(s)', owner: { table: 'agreement', column: 'agreement_id' } },
      ]);
      await em.getRepository(Person).softDelete(person.id);
      await recordChange(em, 'people', person.id, AuditAction.DELETE, before);
      return person.globalId;
    });
  }
}
