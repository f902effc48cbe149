import { ROLES, RoleName } from '@ogp/contracts';

export { ROLES };
export type Role = RoleName;

/** Roles a person may give themself by registering; every other role is granted by a coordinator or admin. */
export const SELF_REGISTERED_ROLES: readonly Role[] = ['citizen', 'cso'];

/** Roles a coordinator may grant; an admin may grant any role. */
export const COORDINATOR_GRANTABLE_ROLES: readonly Role[] = ['project_manager', 'committee_member'];

/**
 * The role groups the platform's rules name; a rule admits a group by its name here, never by a
 * literal list, so who may do what is read in one place.
 */
export const RoleGroup = {
  /** Run the process: plans, cycles, settings, triage, publications. */
  COORDINATION: ['coordinator', 'admin'],
  /** Report progress and answer for a commitment's work. */
  MANAGERS: ['project_manager', 'coordinator', 'admin'],
  /** Follow the work as the steering committee does. */
  OVERSIGHT: ['committee_member', 'coordinator', 'admin'],
  /** Everyone working inside the process (not the public). */
  STAFF: ['project_manager', 'committee_member', 'coordinator', 'admin'],
  /** People who take part from outside the administration. */
  PUBLIC_PARTICIPANTS: ['citizen', 'cso'],
  /** The platform's administrators (accounts, dead letters, jobs). */
  ADMINS: ['admin'],
  /** Every role. */
  ALL: ROLES,
} as const satisfies Record<string, readonly Role[]>;
