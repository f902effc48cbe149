import { rpc, event, DEAD_LETTER_SUBJECT_ROOT } from './rpc-contract';
import { Language, Localized } from './language.constant';
import { Page, PageQuery } from './page';
import { ProgrammeSettingsChangedEvent } from './commitments.contract';

export const ALERT_KINDS = [
  'deadline_approaching',
  'overdue',
  'overdue_escalation',
  'commitment_overdue',
  'late_reporting',
  'late_reporting_escalation',
  'periodic_report',
  'meeting_reminder',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Who an alert is for; the notifications service resolves people by role and scope. */
export type AlertAudience = 'project_managers' | 'coordinators' | 'committee';

export interface AlertRaisedEvent {
  alertId: string;
  kind: AlertKind;
  programmeId: string;
  commitmentId: string | null;
  institutionId: string | null;
  activityId: string | null;
  /** The commitment's title. */
  title: Localized | null;
  /** The activity's title, for the alerts about an activity. */
  activityTitle?: Localized | null;
  dueDate: string | null;
  period: string;
  audience: AlertAudience[];
  summary?: { commitments: number; progress: number; overdueActivities: number; lateCommitments: number };
  /** The sweep run that raised it and how many alerts that run raised: one e-mail per person per sweep. */
  sweep?: { id: string; size: number };
}

export const REPORT_KINDS = ['self_assessment', 'plan_dashboard', 'co_creation_synthesis', 'activities'] as const;
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportView {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  params: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  size: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The job dashboard: queue counts, schedules and the latest jobs. */
export interface JobsOverview {
  counts: Record<string, number>;
  schedulers: { key: string; name: string; pattern: string | null; next: string | null }[];
  recent: {
    id: string;
    name: string;
    state: string;
    progress: unknown;
    failedReason: string | null;
    finishedOn: string | null;
  }[];
}

export interface AlertView {
  id: string;
  kind: string;
  itemId: string;
  programmeId: string;
  period: string;
  raisedAt: string;
  /** The commitment the alert is about (an activity's commitment), null for a programme's alerts. */
  commitmentId: string | null;
  commitmentTitle: Localized | null;
  activityTitle: Localized | null;
}

export const ReportingRpc = {
  runSweep: rpc<{ kind: 'deadlines' | 'overdue' | 'late_reporting' | 'periodic' | 'meeting' }, { raised: number }>(
    'reporting.sweeps.run',
  ),
  listAlerts: rpc<PageQuery & { programmeId?: string; kind?: string }, Page<AlertView>>('reporting.alerts.list'),
  requestReport: rpc<
    {
      kind: ReportKind;
      format: ReportFormat;
      planId?: string;
      cycleId?: string;
      programmeId?: string;
      language?: Language;
    },
    ReportView
  >('reporting.reports.request'),
  getReport: rpc<{ id: string }, ReportView>('reporting.reports.get'),
  listReports: rpc<PageQuery, Page<ReportView>>('reporting.reports.list'),
  reportChunk: rpc<
    { id: string; index: number },
    { data: string; last: boolean; contentType: string; fileName: string }
  >('reporting.reports.chunk'),
  rebuild: rpc<Record<string, never>, { commitments: number; activities: number }>('reporting.read-models.rebuild'),
  jobs: rpc<Record<string, never>, JobsOverview>('reporting.jobs.overview'),
} as const;

/** A requested report reached its end: generated, or failed (its reason for the requester). */
export interface ReportFinishedEvent {
  reportId: string;
  kind: ReportKind;
  format: ReportFormat;
  status: 'done' | 'failed';
  error: string | null;
  requestedBy: string | null;
}

export const ReportingEvents = {
  alertRaised: event<AlertRaisedEvent>('reporting.alert.raised'),
  reportFinished: event<ReportFinishedEvent>('reporting.report.finished'),
} as const;

export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export const NotificationsRpc2 = {
  preferences: rpc<Record<string, never>, Record<string, NotificationMode>>('notifications.preferences.get'),
  setPreference: rpc<{ type: string; mode: NotificationMode }, Record<string, NotificationMode>>(
    'notifications.preferences.set',
  ),
  sendDigests: rpc<Record<string, never>, { digests: number }>('notifications.digest.send'),
  deadLetters: rpc<
    PageQuery,
    Page<{ id: string; kind: 'email' | 'event'; subject: string; reason: string; at: string }>
  >('notifications.dead-letters.list'),
  /** A dead e-mail queued again for sending (its attempts start over). */
  retryDeadLetter: rpc<{ id: string }, { id: string; status: 'pending' }>('notifications.dead-letters.retry'),
} as const;

/** What the reporting service needs of a commitment, answered page by page for a rebuild. */
export interface CommitmentSnapshot {
  id: string;
  programmeId: string;
  planId: string;
  areaId: string;
  areaTitle: Localized;
  institutionId: string;
  number: number;
  title: Localized;
  startDate: string;
  endDate: string;
  progress: number;
  completionLevel: string;
  lastReportAt: string | null;
  activities: { id: string; title: Localized; endDate: string; progress: number; status: string }[];
}

export const SnapshotRpc = {
  commitments: rpc<{ after?: string; limit: number }, CommitmentSnapshot[]>('commitments.snapshot.commitments'),
  /** Every programme's settings as its owner holds them, page by page: the reporting service rebuilds its copy. */
  programmeSettings: rpc<{ after?: string; limit: number }, ProgrammeSettingsChangedEvent[]>(
    'commitments.snapshot.programme-settings',
  ),
} as const;

/** The stream holding events no consumer could handle (same naming as libs/messaging). */
export function deadLetterStreamName(prefix: string): string {
  return `${prefix ? prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase() + '_' : ''}${DEAD_LETTER_SUBJECT_ROOT.toUpperCase()}`;
}
