/** What the admin pages read from the gateway (GET /accounts, GET /admin/audit-trail). */
export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  scopes: { institutions: string[]; programmes: string[] };
  language: 'ar' | 'fr' | 'en';
  active: boolean;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  userId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

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
