import { isLocale, Locale } from './locales';

/** `/fr/plans/x?y` → `{ locale: 'fr', rest: '/plans/x?y' }`; a path without a locale keeps it all in `rest`. */
export function splitLocale(pathWithQuery: string): { locale: Locale | null; rest: string } {
  const match = /^\/([a-z]{2})(?=\/|\?|$)(.*)$/.exec(pathWithQuery);
  if (match && isLocale(match[1])) return { locale: match[1], rest: match[2] || '' };
  return { locale: null, rest: pathWithQuery };
}

/** The same page in another language. */
export function switchLocale(pathWithQuery: string, to: Locale): string {
  const { rest } = splitLocale(pathWithQuery);
  return `/${to}${rest.startsWith('/') || rest.startsWith('?') || rest === '' ? rest : `/${rest}`}`;
}

/**
 * A redirect target we accept from a form or a query: a path on this site only
 * (no scheme, no `//host`, no backslash tricks), else the fallback.
 */
export function safeLocalPath(candidate: unknown, fallback: string): string {
  if (typeof candidate !== 'string' || candidate.length > 2000) return fallback;
  if (
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.includes('\\') ||
    /[\u0000-\u001f]/.test(candidate)
  )
    return fallback;
  return candidate;
}
