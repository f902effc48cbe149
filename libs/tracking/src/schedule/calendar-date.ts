/** A calendar date, `YYYY-MM-DD`: compares as a string, means the same day everywhere. */
export type CalendarDate = string;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date an instant falls on in a time zone (IANA name). */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD; one formatter per zone, reused: building one costs more than formatting.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(instant);
}

/** The SQL twin of `localDate`: both expressions are SQL (a timestamptz and a zone name). */
export function localDateSql(instantSql: string, timeZoneSql: string): string {
  return `((${instantSql}) AT TIME ZONE (${timeZoneSql}))::date`;
}

/** A calendar date moved by whole days (no time zone involved: days of a calendar). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** True when the name is a time zone this runtime knows (the owning service also asks Postgres). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
