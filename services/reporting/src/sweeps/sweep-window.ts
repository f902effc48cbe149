import { addDays, CalendarDate, DatedWork, isOverdue } from '@ogp/tracking';

/** Escalated: still overdue `escalationDays` after it became so (libs/tracking's overdue, that many days later). */
export function isOverdueEscalated(work: DatedWork, today: CalendarDate, escalationDays: number): boolean {
  return isOverdue(work, addDays(today, -escalationDays));
}

/**
 * Whether a sweep on `today` must judge work it has not seen change, given the day the last sweep
 * of its programme ran through (null: never, or under other settings): only when its deadline,
 * `delayDays` after its end date (0 for overdue, the escalation delay for escalation), was crossed
 * since. Work that changed since is judged anyway.
 */
export function crossedSince(
  endDate: CalendarDate,
  sweptThrough: CalendarDate | null,
  today: CalendarDate,
  delayDays = 0,
): boolean {
  if (sweptThrough === null) return true;
  const deadline = addDays(endDate, delayDays);
  return deadline >= sweptThrough && deadline < today;
}

/** The SQL twin of `crossedSince`, over SQL expressions of the same facts (`sweptThroughSql` may be NULL). */
export function crossedSinceSql(
  endDateSql: string,
  sweptThroughSql: string,
  todaySql: string,
  delayDaysSql = '0',
): string {
  return `(${sweptThroughSql} IS NULL OR (${endDateSql} + ${delayDaysSql} >= ${sweptThroughSql} AND ${endDateSql} + ${delayDaysSql} < ${todaySql}))`;
}
