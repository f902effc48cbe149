import { DEFAULT_LOCALE, isLocale, Locale } from '../../i18n/locales';

/** The language the form was shown in (a hidden field), else Arabic. */
export function formLocale(form: FormData): Locale {
  const value = form.get('locale');
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** A text field, trimmed; at most `max` characters are read. */
export function formText(form: FormData, name: string, max = 10000): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}
