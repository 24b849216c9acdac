import DataLoader from 'dataloader';
import { ChangeFeed } from '../../db/change-feed';
import { AuditAction } from '../audit/audit-entry.entity';
import { recordChange, stateOf } from '../audit/audit';
import { DataSource, EntityManager } from 'typeorm';
import { RegistryError } from '../../errors/registry-error';
import { normalizeText, searchText } from '../../text/normalize';
import { assertKeyFree, assertNoCycle, claimVersion, requireRecord, requireRef, resolveRefs, syncClaimed } from '../../db/references';
import { subtreeIds, containsCondition } from '../../db/sql';
import { assertNotInUse } from '../../db/in-use';
import { lookupRecord } from '../../graphql/lookup';
import { MaybePromise } from '../../db/sync-reads';
import { ReadPlan } from '../../graphql/read-plan';
import { DeleteInput } from '../../graphql/mutation-types';
import { ConnectionArgs, paginate, SortDirection } from '../../graphql/pagination';
import { Unit } from './unit.entity';
import { sectorForKind } from './unit.enums';
import { UnitCreateInput, UnitFilter, UnitIdentifiersInput, UnitOrder, UnitOrderField, UnitUpdateInput } from './unit.inputs';

export function unitSearchText(u: Pick<Unit, 'key' | 'name' | 'shortName'>): string {
  return normalizeText([u.name, u.shortName ?? '', u.key].join(' | '));
}

const ORDER_EXPRESSION: Record<UnitOrderField, string> = { KEY: 'unit.key', NAME: 'unit.name' };

function setIdentifiers(unit: Unit, ids: UnitIdentifiersInput | null | undefined): void {
  unit.orgNumber = ids?.orgNumber ?? null;
  unit.municipalityNumber = ids?.municipalityNumber ?? null;
  unit.districtNumber = ids?.districtNumber ?? null;
  unit.ror = ids?.ror ?? null;
  unit.cristin = ids?.cristin ?? null;
}

export class UnitService {
  constructor(
    private readonly ds: DataSource,
    private readonly changes: ChangeFeed,
  ) {}

  /** With the read plan of the operation asking, the record lacks the columns it does not select. */
  lookup(id?: string | null, key?: string | null, plan?: ReadPlan): MaybePromise<Unit | null> {
    return lookupRecord(this.ds.manager, Unit, id, key, plan);
  }

  /**
   * Ids of the unit a reference names plus, unless told not to, every unit below it.
   * An unknown reference is an error naming the filter field, not an empty result that looks like "nobody".
   */
  async expand(ref: string, includeSubunits: boolean, field: string): Promise<number[]> {
    const id = (await resolveRefs(this.ds.manager, Unit, [ref])).get(ref);
    if (id === undefined) throw RegistryError.of(field, 'UNKNOWN_REFERENCE', `unknown unit "${ref}"`);
    return includeSubunits ? subtreeIds(this.ds.manager, 'unit', [id]) : [id];
  }

  async list(filter: UnitFilter | null | undefined, args: ConnectionArgs, order?: UnitOrder | null, records?: DataLoader<number, Unit | null>) {
    const query = this.ds.getRepository(Unit).createQueryBuilder('unit');
    if (filter?.kind?.length) query.andWhere('unit.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter?.sector?.length) query.andWhere('unit.sector IN (:...sectors)', { sectors: filter.sector });
    if (filter?.parent != null) {
      const [parentId] = await this.expand(filter.parent, false, 'filter.parent');
      query.andWhere('unit.parent_id = :parentId', { parentId });
    }
    if (filter?.within != null) {
      query.andWhere('unit.id IN (:...withinIds)', { withinIds: await this.expand(filter.within, true, 'filter.within') });
    }
    if (filter?.rootsOnly) query.andWhere('unit.parent_id IS NULL');
    if (filter?.text) {
      const contains = containsCondition('unit.search_text', 'text', searchText(filter.text, 'filter.text').normalized);
      query.andWhere(contains.sql, contains.params);
    }
    return paginate(query, args, {
      expression: ORDER_EXPRESSION[order?.field ?? UnitOrderField.KEY],
      direction: order?.direction ?? SortDirection.ASC,
    }, records);
  }

  async create(input: UnitCreateInput): Promise<Unit> {
    const result = await this.ds.transaction(async (em) => {
      await assertKeyFree(em, Unit, input.key);
      const unit = em.getRepository(Unit).create({
        key: input.key,
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        sector: input.sector ?? sectorForKind(input.kind),
        sectorExplicit: input.sector != null,
        parentId: input.parent != null ? await requireRef(em, Unit, input.parent, 'parent') : null,
        website: input.website ?? null,
        description: input.description ?? null,
      });
      setIdentifiers(unit, input.identifiers);
      unit.searchText = unitSearchText(unit);
      const saved = await em.getRepository(Unit).save(unit);
      await recordChange(em, 'units', saved.id, AuditAction.CREATE, null);
      return saved;
    });
    this.changes.unitChanged(result.id);
    return result;
  }

  async update(input: UnitUpdateInput): Promise<Unit> {
    const result = await this.ds.transaction(async (em) => {
      const unit = await requireRecord(em, Unit, input.id);
      const before = await stateOf(em, 'units', unit.id);
      await claimVersion(em, Unit, unit.id, input.version);
      await this.apply(em, unit, input);
      await em.getRepository(Unit).save(unit);
      await recordChange(em, 'units', unit.id, AuditAction.UPDATE, before);
      return (await em.getRepository(Unit).findOneBy({ id: unit.id }))!;
    });
    this.changes.unitChanged(result.id);
    return result;
  }

  private async apply(em: EntityManager, unit: Unit, input: UnitUpdateInput): Promise<void> {
    if (input.key !== undefined && input.key !== unit.key) {
      await assertKeyFree(em, Unit, input.key, unit.id);
      unit.key = input.key;
    }
    if (input.name !== undefined) unit.name = input.name;
    if (input.shortName !== undefined) unit.shortName = input.shortName;
    if (input.kind !== undefined) unit.kind = input.kind;
    if (input.sector !== undefined) {
      unit.sectorExplicit = input.sector !== null;
      if (input.sector !== null) unit.sector = input.sector;
    }
    if (!unit.sectorExplicit) unit.sector = sectorForKind(unit.kind);
    if (input.parent !== undefined) {
      const parentId = input.parent === null ? null : await requireRef(em, Unit, input.parent, 'parent');
      await assertNoCycle(em, 'unit', unit.id, parentId);
      unit.parentId = parentId;
    }
    if (input.identifiers !== undefined) setIdentifiers(unit, input.identifiers);
    if (input.website !== undefined) unit.website = input.website;
    if (input.description !== undefined) unit.description = input.description;
    syncClaimed(unit);
    unit.searchText = unitSearchText(unit);
  }

  async delete(input: DeleteInput): Promise<string> {
    const result = await this.ds.transaction(async (em) => {
      const unit = await requireRecord(em, Unit, input.id);
      const before = await stateOf(em, 'units', unit.id);
      await claimVersion(em, Unit, unit.id, input.version);
      await assertNotInUse(em, 'unit', unit.id, [
        { table: 'unit', column: 'parent_id', label: 'subunit(s)' },
        { table: 'collaboration_unit', column: 'unit_id', label: 'collaboration(s)', owner: { table: 'collaboration', column: 'collaboration_id' } },
        { table: 'agreement_party', column: 'unit_id', label: 'agreement(s)', owner: { table: 'agreement', column: 'agreement_id' } },
        { table: 'affiliation', column: 'unit_id', label: 'affiliation(s)', owner: { table: 'person', column: 'person_id' } },
        { table: 'collaboration_funding', column: 'source_id', label: 'funding line(s)', owner: { table: 'collaboration', column: 'collaboration_id' } },
      ]);
      await em.getRepository(Unit).softDelete(unit.id);
      await recordChange(em, 'units', unit.id, AuditAction.DELETE, before);
      return unit;
    });
    this.changes.unitChanged(result.id);
    return result.globalId;
  }
}
