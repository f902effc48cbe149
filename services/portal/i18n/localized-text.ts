import { Locale } from './locales';

/** A text the platform stores per language (`{ ar, fr?, en? }`). */
export type LocalizedText = Partial<Record<Locale, string>> | null | undefined;

/** The reader's language, else Arabic, else whatever the text has. */
export function pick(text: LocalizedText | string, locale: Locale): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[locale] || text.ar || text.fr || text.en || '';
}

/** Whether `pick` had to fall back to another language (the element then gets its own `lang`). */
export function pickLang(text: LocalizedText | string, locale: Locale): Locale | undefined {
  if (!text || typeof text === 'string') return undefined;
  if (text[locale]) return undefined;
  return text.ar ? 'ar' : text.fr ? 'fr' : text.en ? 'en' : undefined;
}
