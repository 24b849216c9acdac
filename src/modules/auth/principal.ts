import { GraphQLError } from 'graphql';
import { Role, ROLE_RANK } from './api-token.entity';

/** Who is asking: nobody (anonymous), an API token, or the local command line (trusted: it holds the database). */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'token'; name: string; role: Role; scopeRoots: ReadonlySet<number>; scope: ReadonlySet<number> }
  | { kind: 'cli' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };
export const CLI: Principal = { kind: 'cli' };

export function actorName(principal: Principal): string {
  return principal.kind === 'token' ? principal.name : principal.kind;
}

export function unauthenticated(message = 'Sign in with an API token (Authorization: Bearer …) to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function hasRole(principal: Principal, role: Role): boolean {
  if (principal.kind === 'cli') return true;
  return principal.kind === 'token' && ROLE_RANK[principal.role] >= ROLE_RANK[role];
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for tokens below the role. */
export function requireRole(principal: Principal, role: Role, what: string): void {
  if (principal.kind === 'anonymous') throw unauthenticated();
  if (!hasRole(principal, role)) throw forbidden(`${what} needs the ${role} role (this token is ${principal.kind === 'token' ? principal.role : '?'})`);
}

/**
 * Whether the principal may change a record involving these units: COORDINATOR and above anywhere, an EDITOR only
 * when at least one of the units lies inside its scope.
 */
export function canEditUnits(principal: Principal, unitIds: number[]): boolean {
  if (hasRole(principal, Role.COORDINATOR)) return true;
  if (principal.kind !== 'token' || principal.role !== Role.EDITOR) return false;
  return unitIds.some((id) => principal.scope.has(id));
}
