import type { Schemas } from '../../gateway/views';
/** What the admin pages read from the gateway (GET /accounts, GET /admin/audit-trail). */
export type AccountView = Schemas['AccountView'];

export type AuditEntry = Schemas['AuditEntry'];

export const ACCOUNT_ROLES = ['admin', 'coordinator', 'project_manager', 'committee_member', 'cso', 'citizen'] as const;
/**
 * The audit trail's actions, in the filter's order. Keyed by the gateway's `AuditAction` (from its
 * OpenAPI document): an action the gateway adds and this list lacks fails to compile.
 */
const AUDIT_ACTION_KEYS: Record<Schemas['AuditAction'], true> = {
  created: true,
  deactivated: true,
  reactivated: true,
  updated: true,
  profile_updated: true,
  password_changed: true,
  password_reset: true,
  password_reset_requested: true,
  'personal_data.listed': true,
  'personal_data.read': true,
};
/** Object keys keep their insertion order (none is an integer). */
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_KEYS) as Schemas['AuditAction'][];
