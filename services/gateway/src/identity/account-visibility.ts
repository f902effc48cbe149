import { Role, RoleGroup } from '@ogp/auth';

/** Staff accounts: what a coordinator manages. Every other account holds a citizen's, a CSO's or an admin's data. */
const STAFF_ACCOUNT_ROLES: readonly Role[] = ['project_manager', 'committee_member', 'coordinator'];

/**
 * Who may see whose personal data (README, "Accounts and personal data"): a coordinator sees
 * staff accounts only; citizens' and CSOs' accounts are the admin's, and each admin read of one
 * is recorded in the audit trail.
 */
export const AccountVisibility = {
  staffRoles: STAFF_ACCOUNT_ROLES,

  isStaffAccount(roles: readonly Role[]): boolean {
    return roles.length > 0 && roles.every((r) => STAFF_ACCOUNT_ROLES.includes(r));
  },

  holdsCitizenData(roles: readonly Role[]): boolean {
    return RoleGroup.PUBLIC_PARTICIPANTS.some((r) => roles.includes(r));
  },
};
