import { CalendarDate, localDate, localDateSql } from './calendar-date';

/** Anything that tells the time: the services' injected Clock fits. */
export interface InstantSource {
  now(): Date;
}

/** "Today" for a programme: the calendar date in its time zone, whatever the server's zone. */
export function today(clock: InstantSource, timeZone: string): CalendarDate {
  return localDate(clock.now(), timeZone);
}

/** The SQL twin of `today`: `nowParam` is a bind parameter holding `clock.now()` as ISO text. */
export function todaySql(nowParam: string, timeZoneSql: string): string {
  return localDateSql(`${nowParam}::timestamptz`, timeZoneSql);
}

/**
 * Every time zone's "today" lies within a day of UTC's (offsets run from -12 to +14 hours): constant
 * bounds a query can give an index on dates before each row computes its own "today".
 */
export function todayBoundsSql(nowParam: string): { earliest: string; latest: string } {
  const utc = `((${nowParam}::timestamptz AT TIME ZONE 'UTC')::date)`;
  return { earliest: `(${utc} - 1)`, latest: `(${utc} + 1)` };
}
