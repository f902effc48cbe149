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
  dashboardSnapshot: job<{ scheduledFor?: string }>('dashboard.snapshot'),
} as const;

/** Schedules upserted at every boot; the key is stable so a restart replaces, never duplicates. */
export const REPORTING_SCHEDULES = [{ key: 'dashboard-snapshot-daily', job: ReportingJobs.dashboardSnapshot, pattern: '0 6 * * *' }] as const;
