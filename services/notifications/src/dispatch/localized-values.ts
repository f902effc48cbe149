import { Language, Localized } from '@ogp/contracts';

/** Texts and dates of an event as a reader of each language writes them (a template's placeholder values). */
export const localizedValues = {
  /** A text in the reader's language, else in Arabic; empty when there is none. */
  text(value: Localized | null | undefined, language: Language): string {
    if (!value) return '';
    return value[language] ?? value.ar;
  },

  /** A calendar date (YYYY-MM-DD) as the reader writes it. */
  date(date: string | null | undefined, language: Language): string {
    if (!date) return '';
    const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(day.getTime())
      ? date
      : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
  },

  /** An instant as the reader writes it, in the platform's display time zone. */
  instant(instant: string | Date, language: Language, timeZone: string): string {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
      new Date(instant),
    );
  },

  /** A figure with at most one decimal, as the reader writes it. */
  percent(value: number, language: Language): string {
    return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  },
};
