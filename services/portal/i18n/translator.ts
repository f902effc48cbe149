import { IntlMessageFormat } from 'intl-messageformat';
import ar from '../messages/ar.json';
import en from '../messages/en.json';
import fr from '../messages/fr.json';
import { INTL_LOCALE, Locale } from './locales';

/** Every message key, taken from the Arabic file (the reference language). */
export type MessageKey = keyof typeof ar;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { ar, fr, en };

const formats = new Map<string, IntlMessageFormat>();

/**
 * `t(key, values)` for one language: ICU messages (plural, select, number, date) formatted with
 * intl-messageformat, compiled once per (language, key). Works in server components and tests.
 */
export function translator(locale: Locale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}\u0000${key}`;
    let format = formats.get(cacheKey);
    if (!format) {
      const source = MESSAGES[locale][key] ?? MESSAGES.ar[key] ?? key;
      format = new IntlMessageFormat(source, INTL_LOCALE[locale]);
      formats.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}
