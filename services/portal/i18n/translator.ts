import { IntlMessageFormat } from 'intl-messageformat';
import arCommon from '../messages/ar.json';
import enCommon from '../messages/en.json';
import frCommon from '../messages/fr.json';
import arCoord from '../messages/coord/ar.json';
import enCoord from '../messages/coord/en.json';
import frCoord from '../messages/coord/fr.json';
import arPm from '../messages/pm/ar.json';
import enPm from '../messages/pm/en.json';
import frPm from '../messages/pm/fr.json';
import { INTL_LOCALE, Locale } from './locales';

/**
 * One file per language and per part of the portal: `messages/<locale>.json` (public and citizen
 * spaces), `messages/pm/` (project managers and the committee), `messages/coord/` (coordination and
 * admin). A key lives in exactly one part; the parts are merged here.
 */
const ar = { ...arCommon, ...arPm, ...arCoord };
const fr = { ...frCommon, ...frPm, ...frCoord };
const en = { ...enCommon, ...enPm, ...enCoord };

/** Every message key, taken from the Arabic files (the reference language). */
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
