/** A BullMQ job name, typed by its payload. */
export interface JobContract<T> {
  readonly name: string;
  readonly data?: T;
}

function job<T>(name: string): JobContract<T> {
  return { name };
}

export const REPORTING_QUEUE = 'reporting';

/** Every job of the reporting queue. The registry refuses to boot if one has no handler. */
export const ReportingJobs = {
  dashboardSnapshot: job<Record<string, never>>('dashboard.snapshot'),
  rebuildReadModels: job<Record<string, never>>('read-models.rebuild'),
  deadlineSweep: job<Record<string, never>>('sweep.deadlines'),
  overdueSweep: job<Record<string, never>>('sweep.overdue'),
  lateReportingSweep: job<Record<string, never>>('sweep.late-reporting'),
  periodicReport: job<Record<string, never>>('sweep.periodic-report'),
  meetingReminder: job<Record<string, never>>('sweep.meeting-reminder'),
  sendDigests: job<Record<string, never>>('notifications.digests'),
  generateReport: job<{ reportId: string }>('report.generate'),
} as const;

/**
 * Schedules upserted at every boot under stable keys: a restart (or a wiped Redis) puts the same
 * ones back, never duplicates. Times are in SCHEDULE_TIMEZONE.
 */
export const REPORTING_SCHEDULES = [
  { key: 'deadline-sweep-daily', job: ReportingJobs.deadlineSweep, pattern: '0 6 * * *' },
  { key: 'overdue-sweep-daily', job: ReportingJobs.overdueSweep, pattern: '5 6 * * *' },
  { key: 'late-reporting-sweep-daily', job: ReportingJobs.lateReportingSweep, pattern: '10 6 * * *' },
  { key: 'periodic-report-monthly', job: ReportingJobs.periodicReport, pattern: '0 8 1 * *' },
  { key: 'committee-meeting-reminder-quarterly', job: ReportingJobs.meetingReminder, pattern: '0 8 1 1,4,7,10 *' },
  { key: 'notification-digests-daily', job: ReportingJobs.sendDigests, pattern: '0 8 * * *' },
  { key: 'dashboard-snapshot-daily', job: ReportingJobs.dashboardSnapshot, pattern: '0 6 * * *' },
] as const;
