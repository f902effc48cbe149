/** The portal's languages: Arabic first (the default, right to left), then French and English. */
export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ar';
export const LOCALE_COOKIE = 'ogp_locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Intl locale per language: Moroccan conventions (month names, Latin digits) for Arabic and French. */
export const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

/** The language's own name, shown in the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };
