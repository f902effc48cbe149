/** What the project manager's and the committee's pages read from the gateway (as it answers today). */
export interface BlockerView {
  id: string;
  commitmentId: string;
  title: string;
  description: string;
  status: 'open' | 'answered' | 'closed';
  raisedBy: string;
  raisedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface AlertView {
  id: string;
  kind: string;
  itemId: string;
  programmeId: string;
  period: string;
  raisedAt: string;
  /** The commitment the alert is about (an activity's commitment for the alerts about an activity). */
  commitmentId?: string | null;
}

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
