import { Language, Localized } from '@ogp/contracts';
import { MessageKey, PluralMessage, REPORT_MESSAGES } from './report-messages.constant';

/** Moroccan conventions for Arabic and French (Latin digits), British English. */
const LOCALES: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

type Values = Record<string, string | number>;

/**
 * The language of one report: messages with CLDR plurals (Intl.PluralRules), dates, numbers and
 * percentages in the reader's conventions, and the text direction.
 */
export class ReportLocale {
  readonly tag: string;
  readonly dir: 'rtl' | 'ltr';
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;

  constructor(readonly language: Language) {
    this.tag = LOCALES[language];
    this.dir = language === 'ar' ? 'rtl' : 'ltr';
    this.plurals = new Intl.PluralRules(this.tag);
    this.numbers = new Intl.NumberFormat(this.tag, { maximumFractionDigits: 2 });
    this.dates = new Intl.DateTimeFormat(this.tag, { dateStyle: 'long', timeZone: 'UTC' });
  }

  t(key: MessageKey, values: Values = {}): string {
    const message = REPORT_MESSAGES[this.language][key];
    if (typeof message !== 'string') throw new Error(`${key} is a plural message: use count()`);
    return message.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? this.value(values[name]) : all));
  }

  /** "3 التزامات", "11 التزاما", "1 engagement": the form CLDR gives for the count. */
  count(key: MessageKey, n: number): string {
    const message = REPORT_MESSAGES[this.language][key] as PluralMessage;
    // CLDR's explicit zero form applies to Arabic; other languages have none and use their rules.
    const category = n === 0 && message.zero ? 'zero' : this.plurals.select(n);
    return (message[category] ?? message.other).replace('#', this.number(n));
  }

  number(n: number): string {
    return this.numbers.format(n);
  }

  percent(n: number): string {
    return `${this.number(n)} %`;
  }

  /** A calendar date (YYYY-MM-DD) in words. */
  date(isoDate: string): string {
    return this.dates.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
  }

  /** A multilingual text in this language, Arabic when it has no translation. */
  text(value: Localized | null | undefined): string {
    return value?.[this.language] || value?.ar || '';
  }

  private value(v: string | number): string {
    return typeof v === 'number' ? this.number(v) : v;
  }
}
