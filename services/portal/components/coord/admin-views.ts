import type { Schemas } from '../../gateway/views';
/** What the admin pages read from the gateway (GET /accounts, GET /admin/audit-trail). */
export type AccountView = Schemas['AccountView'];

export type AuditEntry = Schemas['AuditEntry'];

export const ACCOUNT_ROLES = ['admin', 'coordinator', 'project_manager', 'committee_member', 'cso', 'citizen'] as const;
export const AUDIT_ACTIONS = [
  'created',
  'deactivated',
  'reactivated',
  'updated',
  'profile_updated',
  'password_changed',
  'password_reset',
  'password_reset_requested',
  'personal_data.listed',
  'personal_data.read',
] as const;
