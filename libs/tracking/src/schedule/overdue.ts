import { CalendarDate } from './calendar-date';

/** Dated work: an activity, or a commitment as a whole. */
export interface DatedWork {
  endDate: CalendarDate;
  completed: boolean;
}

/** Overdue: past its end date (the end date itself is still on time) and not completed. */
export function isOverdue(work: DatedWork, today: CalendarDate): boolean {
  return !work.completed && work.endDate < today;
}

/** The SQL twin of `isOverdue`, over SQL expressions of the same three facts. */
export function overdueSql(work: { endDate: string; completed: string }, todaySql: string): string {
  return `(${work.endDate} < ${todaySql} AND NOT (${work.completed}))`;
}
