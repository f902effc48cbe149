import 'server-only';
import { notFound } from 'next/navigation';
import { formatter, Formatter } from './format';
import { isLocale, Locale } from './locales';
import { Translate, translator } from './translator';

/** For a page or layout: its `[locale]` parameter checked, with `t()` and the formatters of that language. */
export async function localeTools(
  params: Promise<{ locale: string }>,
): Promise<{ locale: Locale; t: Translate; f: Formatter }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: translator(locale), f: formatter(locale) };
}
