import { ROLES, RoleName } from '@ogp/contracts';

export { ROLES };
export type Role = RoleName;

/** Roles a person may give themself by registering; every other role is granted by a coordinator or admin. */
export const SELF_REGISTERED_ROLES: readonly Role[] = ['citizen', 'cso'];

/** Roles a coordinator may grant; an admin may grant any role. */
export const COORDINATOR_GRANTABLE_ROLES: readonly Role[] = ['project_manager', 'committee_member'];
