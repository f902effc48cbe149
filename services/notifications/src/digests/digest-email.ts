import { Language } from '@ogp/contracts';

const DIGEST_TITLE: Record<Language, string> = {
  ar: 'ملخص الإشعارات اليومي',
  fr: 'Résumé quotidien des notifications',
  en: 'Daily notification digest',
};

/** A person's digest: the day's title in their language (else Arabic), then one line per item. */
export function digestEmail(language: string, lines: readonly string[]): { subject: string; body: string } {
  return { subject: DIGEST_TITLE[language as Language] ?? DIGEST_TITLE.ar, body: lines.join('\n') };
}
