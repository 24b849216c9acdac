import { DataSource } from 'typeorm';
import { resolveRefs } from '../../db/references';
import { fromGlobalId } from '../../graphql/node-id';
import { Agreement, AgreementParty } from '../agreements/agreement.entity';
import { Collaboration, CollaborationUnit } from '../collaborations/collaboration.entity';
import { Affiliation, Person } from '../people/person.entity';
import { Unit } from '../units/unit.entity';
import { Role } from './api-token.entity';
import { canEditUnits, forbidden, hasRole, Principal, requireRole, unauthenticated } from './principal';

type Owned = typeof Collaboration | typeof Agreement | typeof Person;

/**
 * What the caller of one request may do. Resolvers ask it before calling a service: the role first (so an
 * anonymous caller hears UNAUTHENTICATED before anything about its input), then an EDITOR's unit scope, checked
 * against the record's units as they are and as the change would leave them.
 */
export class AccessPolicy {
  constructor(
    readonly principal: Principal,
    private readonly ds: DataSource,
    private readonly revocations: { isRevoked(name: string): boolean },
  ) {}

  /**
   * Asked again at every check, not once per request: a token revoked while its request runs (a long export, a
   * mutation that revokes it) loses its rights for the rest of that request.
   */
  private get revoked(): boolean {
    return this.principal.kind === 'token' && this.revocations.isRevoked(this.principal.name);
  }

  require(role: Role, what: string): void {
    if (this.revoked) throw unauthenticated('This token was revoked while the request ran.');
    requireRole(this.principal, role, what);
  }

  /** Personal fields (e-mail, phone) and reports that name people: any token, never anonymous. */
  get mayReadPersonal(): boolean {
    return this.principal.kind !== 'anonymous' && !this.revoked;
  }

  async unitWrite(existing: string | null, parent: string | null | undefined): Promise<void> {
    this.require(Role.EDITOR, 'Changing units');
    if (hasRole(this.principal, Role.COORDINATOR)) return;
    const ids: number[] = [];
    if (existing !== null) ids.push(...(await this.ids(Unit, [existing])));
    if (existing !== null && !canEditUnits(this.principal, ids)) throw forbidden('This unit lies outside the token’s unit scope.');
    if (parent != null && !canEditUnits(this.principal, await this.ids(Unit, [parent]))) {
      throw forbidden('The parent unit lies outside the token’s unit scope.');
    }
    if (existing === null && parent == null) throw forbidden('An EDITOR can only create units below a unit in its scope.');
  }

  collaborationWrite(existing: string | null, units: string[] | undefined): Promise<void> {
    return this.ownedWrite('collaboration', Collaboration, existing, units, async (id) =>
      (await this.ds.getRepository(CollaborationUnit).findBy({ collaborationId: id })).map((r) => r.unitId),
    );
  }

  agreementWrite(existing: string | null, parties: string[] | undefined): Promise<void> {
    return this.ownedWrite('agreement', Agreement, existing, parties, async (id) =>
      (await this.ds.getRepository(AgreementParty).findBy({ agreementId: id })).map((r) => r.unitId),
    );
  }

  personWrite(existing: string | null, units: string[] | undefined): Promise<void> {
    return this.ownedWrite('person', Person, existing, units, async (id) =>
      (await this.ds.getRepository(Affiliation).findBy({ personId: id })).map((r) => r.unitId),
    );
  }

  private async ownedWrite(
    noun: string,
    cls: Owned,
    existing: string | null,
    newUnits: string[] | undefined,
    unitsOf: (id: number) => Promise<number[]>,
  ): Promise<void> {
    this.require(Role.EDITOR, `Changing a ${noun}`);
    if (hasRole(this.principal, Role.COORDINATOR)) return;
    if (existing !== null) {
      const [id] = await this.ids(cls, [existing]);
      // An unknown record is the service's NOT_FOUND to report, not a permission question.
      if (id !== undefined && !canEditUnits(this.principal, await unitsOf(id))) {
        throw forbidden(`This ${noun} involves no unit in the token’s unit scope.`);
      }
    }
    if (newUnits !== undefined && !canEditUnits(this.principal, await this.ids(Unit, newUnits))) {
      throw forbidden(`After the change the ${noun} would involve no unit in the token’s unit scope.`);
    }
  }

  /**
   * Restoring a deleted record is for ADMIN, except that a COORDINATOR may restore a collaboration a merge removed:
   * that undoes the merge, which a COORDINATOR may make.
   */
  async recordRestore(globalId: string): Promise<void> {
    if (hasRole(this.principal, Role.COORDINATOR) && !this.revoked && (await this.removedByMerge(globalId))) return;
    this.require(Role.ADMIN, 'Restoring records other than a collaboration a merge removed');
  }

  private async removedByMerge(globalId: string): Promise<boolean> {
    const global = fromGlobalId(globalId);
    if (global?.type !== Collaboration.nodeType) return false;
    const row = await this.ds.getRepository(Collaboration).findOne({ select: { id: true, mergedIntoId: true }, where: { id: global.id }, withDeleted: true });
    return row?.mergedIntoId != null;
  }

  private async ids(cls: typeof Unit | Owned, refs: string[]): Promise<number[]> {
    const found = await resolveRefs(this.ds.manager, cls, refs);
    return refs.map((r) => found.get(r)).filter((id): id is number => id !== undefined);
  }
}
