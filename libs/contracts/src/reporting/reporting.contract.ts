import { rpc, event } from '../common/rpc-contract';
import { Language, Localized } from '../common/language.constant';
import { Page, PageQuery } from '../common/page';

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

/** An iCalendar file (RFC 5545), rendered whole: a feed is bounded in events, so in size. */
export interface CalendarFile {
  body: string;
  fileName: string;
}

export const OPEN_DATA_DATASETS = ['commitments', 'activities', 'ideas', 'statistics'] as const;
export type OpenDataDataset = (typeof OPEN_DATA_DATASETS)[number];
export const OPEN_DATA_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** A generated open-data file: served chunk by chunk while its version is current. */
export interface OpenDataFileHead {
  version: string;
  contentType: string;
  fileName: string;
  size: number;
  chunks: number;
  updatedAt: string;
}

export interface OpenDataIndexEntry {
  dataset: OpenDataDataset;
  subject: { kind: 'plan' | 'cycle'; id: string; title: Localized };
  updatedAt: string;
  files: { format: OpenDataFormat; url: string; size: number }[];
}

export interface OpenDataIndex {
  dictionary: string;
  atom: { language: Language; url: string }[];
  datasets: OpenDataIndexEntry[];
}

export interface OpenDataColumn {
  id: string;
  type: 'text' | 'number' | 'date' | 'code';
  label: Localized;
  description: Localized;
  /** For codes: each value and what it means. */
  values?: { code: string; label: Localized }[];
}

export interface OpenDataDictionary {
  datasets: {
    dataset: OpenDataDataset;
    subject: 'plan' | 'cycle';
    description: Localized;
    columns: OpenDataColumn[];
  }[];
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
  // Feeds anyone (or a calendar app holding a private link) reads: calendars, open data, Atom.
  planCalendar: rpc<{ id: string; language: Language }, CalendarFile>('reporting.calendars.plan'),
  cycleCalendar: rpc<{ id: string; language: Language }, CalendarFile>('reporting.calendars.cycle'),
  /** The actor's own deadlines; the gateway names the actor from a private feed token. */
  personalCalendar: rpc<{ language: Language }, CalendarFile>('reporting.calendars.personal'),
  openDataIndex: rpc<{ language: Language }, OpenDataIndex>('reporting.open-data.index'),
  openDataDictionary: rpc<Record<string, never>, OpenDataDictionary>('reporting.open-data.dictionary'),
  /** Generates the file if its data changed since it was last made (else takes it as stored). */
  openDataFile: rpc<
    { dataset: OpenDataDataset; subjectId: string; format: OpenDataFormat; language: Language },
    OpenDataFileHead
  >('reporting.open-data.file'),
  /** One chunk (base64) of the file at that version; CONFLICT once a newer version replaced it. */
  openDataChunk: rpc<
    {
      dataset: OpenDataDataset;
      subjectId: string;
      format: OpenDataFormat;
      language: Language;
      version: string;
      index: number;
    },
    { data: string; last: boolean }
  >('reporting.open-data.chunk'),
  /** The latest publications as an Atom feed (RFC 4287) in one language; `version` changes with its content. */
  publicationsAtom: rpc<{ language: Language }, { body: string; version: string }>(
    'reporting.open-data.publications-atom',
  ),
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
