import { DomainError, ErrorCode, ScopeSet } from '@ogp/contracts';
import { Actor, hasAnyRole } from './actor';
import { Role, RoleGroup } from './role.constant';

/** What a command touches: the owning service says, the actor's scopes decide. */
export interface ScopeTarget {
  institutionId?: string | null;
  programmeId?: string | null;
}

/** Roles that see and act across every institution and programme: the coordination team and admins. */
const PLATFORM_WIDE_ROLES = RoleGroup.COORDINATION;

export function isInScope(actor: Actor, target: ScopeTarget): boolean {
  if (hasAnyRole(actor, PLATFORM_WIDE_ROLES)) return true;
  if (target.institutionId && !actor.scopes.institutions.includes(target.institutionId)) return false;
  if (target.programmeId && !actor.scopes.programmes.includes(target.programmeId)) return false;
  return !!(target.institutionId || target.programmeId);
}

/**
 * What a list may show an actor: null means everything (coordination team, admins); otherwise
 * only rows of these institutions and programmes, and nothing at all when the actor has none.
 */
export function listScope(actor: Actor): ScopeSet | null {
  if (hasAnyRole(actor, PLATFORM_WIDE_ROLES)) return null;
  return { institutions: [...actor.scopes.institutions], programmes: [...actor.scopes.programmes] };
}

/**
 * The owning service's check, run on every command whatever the gateway already checked,
 * because the gateway is not the only NATS client.
 */
export function assertRole(actor: Actor | null, roles: readonly Role[]): asserts actor is Actor {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
  if (!hasAnyRole(actor, roles)) throw new DomainError(ErrorCode.FORBIDDEN);
}

export function assertScope(actor: Actor | null, roles: readonly Role[], target: ScopeTarget): asserts actor is Actor {
  assertRole(actor, roles);
  if (!isInScope(actor, target)) throw new DomainError(ErrorCode.OUT_OF_SCOPE);
}

/**
 * Programme-wide commands (a programme's settings): an admin anywhere; a coordinator within the
 * programmes of their scope, or anywhere when none is listed (accounts made before programme scopes).
 */
export function assertProgrammeStaff(actor: Actor | null, programmeId: string): asserts actor is Actor {
  assertRole(actor, PLATFORM_WIDE_ROLES);
  if (hasAnyRole(actor, ['admin'])) return;
  const programmes = actor.scopes.programmes;
  if (programmes.length > 0 && !programmes.includes(programmeId)) throw new DomainError(ErrorCode.OUT_OF_SCOPE);
}
