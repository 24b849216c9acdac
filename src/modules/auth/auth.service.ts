import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { RegistryError } from '../../errors/registry-error';
import { requireRefs } from '../../db/references';
import { subtreeIds } from '../../db/sql';
import { Unit } from '../units/unit.entity';
import { ApiToken, Role } from './api-token.entity';
import { ANONYMOUS, Principal, unauthenticated } from './principal';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** Tokens carry 256 random bits, so one fast hash is enough: there is nothing to guess. */
const newSecret = () => `reg_${randomBytes(32).toString('base64url')}`;

export interface TokenCreate {
  name: string;
  role: Role;
  units?: string[];
  expiresAt?: Date | null;
}

export class AuthService {
  /** Tokens revoked through this process: requests already running under them stop reading and writing at once. */
  private readonly revoked = new Set<string>();

  constructor(private readonly ds: DataSource) {}

  isRevoked(name: string): boolean {
    return this.revoked.has(name);
  }

  /** Creates a token and returns its secret, which is not stored and cannot be shown again. */
  async create(input: TokenCreate): Promise<{ token: ApiToken; secret: string }> {
    const repo = this.ds.getRepository(ApiToken);
    if (!/^[\w.@:-]{1,200}$/.test(input.name)) throw RegistryError.of('name', 'INVALID', 'must be 1–200 letters, digits or . _ @ : -');
    if (await repo.findOneBy({ name: input.name })) throw RegistryError.of('name', 'DUPLICATE_KEY', `a token named "${input.name}" already exists`);
    const units = input.units ?? [];
    if (input.role === Role.EDITOR && !units.length) throw RegistryError.of('units', 'REQUIRED', 'an EDITOR token needs at least one unit in its scope');
    if (input.role !== Role.EDITOR && units.length) throw RegistryError.of('units', 'INVALID', 'only EDITOR tokens have a unit scope');
    const unitScopeIds = await requireRefs(this.ds.manager, Unit, units, (i) => `units[${i}]`);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw RegistryError.of('expires', 'INVALID', 'must be in the future');
    const secret = newSecret();
    const token = await repo.save(
      repo.create({ name: input.name, role: input.role, unitScopeIds, tokenHash: hash(secret), expiresAt: input.expiresAt ?? null, lastUsedAt: null, revokedAt: null }),
    );
    return { token, secret };
  }

  /** The keys the scope's units have now (a deleted unit's too, so the scope reads as it was given). */
  async scopeKeys(token: ApiToken): Promise<string[]> {
    if (!token.unitScopeIds.length) return [];
    const units = await this.ds.getRepository(Unit).find({ select: { id: true, key: true }, where: { id: In(token.unitScopeIds) }, withDeleted: true });
    const keyOf = new Map(units.map((u) => [u.id, u.key]));
    return token.unitScopeIds.flatMap((id) => keyOf.get(id) ?? []);
  }

  list(): Promise<ApiToken[]> {
    return this.ds.getRepository(ApiToken).find({ where: { revokedAt: IsNull() }, order: { name: 'ASC' } });
  }

  async revoke(name: string): Promise<ApiToken> {
    const repo = this.ds.getRepository(ApiToken);
    const token = await repo.findOneBy({ name, revokedAt: IsNull() });
    if (!token) throw RegistryError.of('name', 'NOT_FOUND', `no active token named "${name}"`);
    token.revokedAt = new Date();
    const saved = await repo.save(token);
    this.revoked.add(name);
    return saved;
  }

  /** The principal an Authorization header names; a wrong, expired or revoked token is refused, never anonymous. */
  async authenticate(header: string | undefined): Promise<Principal> {
    if (!header) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = await this.ds.getRepository(ApiToken).findOneBy({ tokenHash: hash(match[1]!) });
    if (!token || token.revokedAt) throw unauthenticated('This token is not valid (unknown or revoked).');
    if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) throw unauthenticated('This token has expired.');
    // Last use is kept to the minute, so busy tokens do not write on every request.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await this.ds.getRepository(ApiToken).update(token.id, { lastUsedAt: new Date() });
    }
    return {
      kind: 'token',
      name: token.name,
      role: token.role,
      scopeRoots: new Set(token.unitScopeIds),
      scope: new Set(await subtreeIds(this.ds.manager, 'unit', token.unitScopeIds)),
    };
  }
}
