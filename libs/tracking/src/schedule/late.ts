import { addDays, CalendarDate } from './calendar-date';

/** What the late rule needs of a commitment; `lastReportDate` is in the programme's time zone. */
export interface ReportedWork {
  startDate: CalendarDate | null;
  lastReportDate: CalendarDate | null;
  completed: boolean;
}

/** The reporting period runs from the later of the start and the last report. */
export function reportingSince(
  startDate: CalendarDate | null,
  lastReportDate: CalendarDate | null,
): CalendarDate | null {
  if (!startDate || !lastReportDate) return startDate ?? lastReportDate;
  return startDate > lastReportDate ? startDate : lastReportDate;
}

/** Late: a whole reporting period has gone by since `since` (a report on the last day is on time). */
export function isLate(since: CalendarDate | null, today: CalendarDate, reportingPeriodDays: number): boolean {
  return since !== null && addDays(since, reportingPeriodDays) < today;
}

/** A commitment is late when it is not complete and no report came within the reporting period. */
export function isCommitmentLate(work: ReportedWork, today: CalendarDate, reportingPeriodDays: number): boolean {
  return !work.completed && isLate(reportingSince(work.startDate, work.lastReportDate), today, reportingPeriodDays);
}

/** The SQL twin of `reportingSince` (Postgres' greatest() skips NULLs the same way). */
export function reportingSinceSql(startDateSql: string, lastReportDateSql: string): string {
  return `greatest(${startDateSql}, ${lastReportDateSql})`;
}

/** The SQL twin of `isCommitmentLate` (never NULL), over SQL expressions of the same facts. */
export function lateSql(
  work: { startDate: string; lastReportDate: string; completed: string },
  todaySql: string,
  reportingPeriodDaysSql: string,
): string {
  return `coalesce(NOT (${work.completed}) AND ${reportingSinceSql(work.startDate, work.lastReportDate)} + (${reportingPeriodDaysSql}) < ${todaySql}, false)`;
}
