import { INTL_LOCALE, Locale } from './locales';

/** Dates are shown in the programmes' time zone (Morocco), whatever the server's zone. */
export const DISPLAY_TIME_ZONE = 'Africa/Casablanca';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** Number and date formatting per language (Intl). */
export interface Formatter {
  number(value: number, fractionDigits?: number): string;
  /** 84.44 → "84.4 %" in the reader's convention; the value is a percentage (0-100). */
  percent(value: number): string;
  /** A calendar date ("2020-08-31" or an ISO timestamp). */
  date(value: string | Date): string;
  dateTime(value: string | Date): string;
  /** ["a", "b", "c"] → "a, b and c" in the reader's language. */
  list(items: string[]): string;
}

export function formatter(locale: Locale): Formatter {
  const tag = INTL_LOCALE[locale];
  const toDate = (v: string | Date) =>
    v instanceof Date ? v : /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T12:00:00Z`) : new Date(v);
  return {
    number: (value, fractionDigits = 0) =>
      memo(
        `${tag}n${fractionDigits}`,
        () => new Intl.NumberFormat(tag, { maximumFractionDigits: fractionDigits }),
      ).format(value),
    percent: (value) =>
      memo(`${tag}p`, () => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 })).format(
        value / 100,
      ),
    date: (value) =>
      memo(`${tag}d`, () => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: DISPLAY_TIME_ZONE })).format(
        toDate(value),
      ),
    dateTime: (value) =>
      memo(
        `${tag}dt`,
        () => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: DISPLAY_TIME_ZONE }),
      ).format(toDate(value)),
    list: (items) => new Intl.ListFormat(tag, { type: 'conjunction' }).format(items),
  };
}
