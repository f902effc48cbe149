/**
 * A programme's schedule settings until a coordinator changes them. The commitments service owns
 * the settings and announces each change; every reader falls back to these same values.
 */
export const PROGRAMME_SCHEDULE_DEFAULTS = {
  timeZone: 'Africa/Casablanca',
  reportingPeriodDays: 60,
  deadlineNoticeDays: 14,
  escalationDays: 14,
} as const;
