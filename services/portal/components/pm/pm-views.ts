import type { Schemas } from '../../gateway/views';
export type BlockerView = Schemas['BlockerView'];

export type AlertView = Schemas['AlertView'];

export const ALERT_KINDS = [
  'overdue',
  'overdue_escalation',
  'commitment_overdue',
  'late_reporting',
  'late_reporting_escalation',
  'deadline_approaching',
  'periodic_report',
  'meeting_reminder',
] as const;

const DAY = 24 * 3600 * 1000;

/** Whole days from a date (a calendar date or an instant) to now; never negative. */
export function daysSince(value: string, now = Date.now()): number {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  return Math.max(0, Math.floor((now - at) / DAY));
}

/** Whole days from now to a calendar date (negative when it is past). */
export function daysUntil(date: string, now = Date.now()): number {
  return Math.ceil((Date.parse(`${date}T23:59:59Z`) - now) / DAY);
}
