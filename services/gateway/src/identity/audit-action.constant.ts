/** What was done to or read from an account: `personal_data.*` are reads, the rest are changes. */
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

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
