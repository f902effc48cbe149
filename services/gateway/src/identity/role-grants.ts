import { Actor, COORDINATOR_GRANTABLE_ROLES, hasAnyRole, Role, RoleGroup } from '@ogp/auth';
import { AccountVisibility } from './account-visibility';

/** Whether an actor may change an account: `hidden` (a coordinator does not see it, so 404), `forbidden`, `allowed`. */
export type ManageVerdict = 'allowed' | 'hidden' | 'forbidden';

/** Who grants which roles, and who manages whose account: an admin any; a coordinator project managers and committee members. */
export const RoleGrants = {
  mayGrant(actor: Actor, roles: readonly Role[]): boolean {
    return hasAnyRole(actor, RoleGroup.ADMINS) || roles.every((r) => COORDINATOR_GRANTABLE_ROLES.includes(r));
  },

  manage(actor: Actor, accountRoles: readonly Role[]): ManageVerdict {
    if (hasAnyRole(actor, RoleGroup.ADMINS)) return 'allowed';
    if (!AccountVisibility.isStaffAccount(accountRoles)) return 'hidden';
    return accountRoles.every((r) => COORDINATOR_GRANTABLE_ROLES.includes(r)) ? 'allowed' : 'forbidden';
  },
};
