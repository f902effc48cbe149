import { LOCALES } from './locales';
import { MESSAGES, translator } from './translator';
import { IntlMessageFormat } from 'intl-messageformat';
import { MessageFormatElement, parse } from '@formatjs/icu-messageformat-parser';

/** The argument names a message uses, found by the ICU parser (plural branches included). */
function argumentsOf(source: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if ('value' in e && typeof e.value === 'string' && e.type !== 0 && e.type !== 7) names.add(e.value);
      if ('options' in e)
        for (const option of Object.values(e.options)) walk((option as { value: MessageFormatElement[] }).value);
    }
  };
  walk(parse(source));
  return [...names].sort();
}

describe('messages', () => {
  const reference = Object.keys(MESSAGES.ar).sort();

  it.each(LOCALES)('%s: a key lives in exactly one part of the portal', (locale) => {
    const parts = [`../messages/${locale}.json`, `../messages/pm/${locale}.json`, `../messages/coord/${locale}.json`];
    const seen = new Map<string, string>();
    for (const part of parts) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      for (const key of Object.keys(require(part) as object)) {
        expect([key, seen.get(key)]).toEqual([key, undefined]);
        seen.set(key, part);
      }
    }
    expect(seen.size).toBe(reference.length);
  });

  it.each(LOCALES)('%s has exactly the keys of every other language', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual(reference);
    for (const key of reference) expect(MESSAGES[locale][key as keyof typeof MESSAGES.ar].trim()).not.toBe('');
  });

  it.each(LOCALES)('every %s message is valid ICU and uses the same arguments as Arabic', (locale) => {
    for (const key of reference) {
      const source = MESSAGES[locale][key as keyof typeof MESSAGES.ar];
      expect(() => new IntlMessageFormat(source, locale)).not.toThrow();
      expect([key, argumentsOf(source)]).toEqual([key, argumentsOf(MESSAGES.ar[key as keyof typeof MESSAGES.ar])]);
    }
  });

  it('uses the six Arabic plural forms', () => {
    const t = translator('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => t('common.commitments', { count }))).toEqual([
      'لا التزام',
      'التزام واحد',
      'التزامان',
      '3 التزامات',
      '11 التزاماً',
      '100 التزام',
    ]);
  });

  it('formats plurals in French and English', () => {
    expect(translator('fr')('common.commitments', { count: 1 })).toBe('1 engagement');
    expect(translator('fr')('common.commitments', { count: 18 })).toBe('18 engagements');
    expect(translator('en')('common.commitments', { count: 0 })).toBe('no commitments');
  });
});
