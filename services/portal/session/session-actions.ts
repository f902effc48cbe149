'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { portalConfig } from '../config/portal-config';
import { DEFAULT_LOCALE, isLocale, Locale } from '../i18n/locales';
import { safeLocalPath } from '../i18n/localized-path';
import { translator } from '../i18n/translator';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './session-cookies';
import type { TokenPair } from './token-refresh';
import { verifyCsrf } from './verify-csrf';
import { startSession } from './start-session';

/** What a form shows after a failed submission: a message for the whole form and per field. */
export interface FormState {
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

function localeOf(form: FormData): Locale {
  const value = form.get('locale');
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Log in: the gateway checks the password; the tokens go to httpOnly cookies, the visitor back where they were. */
export async function logIn(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const t = translator(locale);
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!(await verifyCsrf(form))) return { message: t('auth.sessionExpired'), values: { email } };
  const fieldErrors: Record<string, string> = {};
  if (!email) fieldErrors.email = t('auth.required');
  if (!password) fieldErrors.password = t('auth.required');
  if (Object.keys(fieldErrors).length) return { message: t('auth.errorSummary'), fieldErrors, values: { email } };

  const config = portalConfig();
  const forwardedFor = (await headers()).get('x-forwarded-for') ?? undefined;
  const res = await fetch(`${config.gatewayUrl}/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': locale,
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password }),
    cache: 'no-store',
  }).catch(() => null);
  if (!res) return { message: t('auth.unavailable'), values: { email } };
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { message: body?.error?.message ?? t('auth.unavailable'), values: { email } };
  }
  await startSession((await res.json()) as TokenPair);
  redirect(safeLocalPath(form.get('next'), `/${locale}`));
}

/** Log out: the gateway ends the session, the cookies go. */
export async function logOut(form: FormData): Promise<void> {
  const locale = localeOf(form);
  if (!(await verifyCsrf(form))) redirect(`/${locale}`);
  const jar = await cookies();
  const token = jar.get(ACCESS_COOKIE)?.value;
  if (token) {
    await fetch(`${portalConfig().gatewayUrl}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    }).catch(() => null);
  }
  jar.delete(ACCESS_COOKIE);
  jar.delete(REFRESH_COOKIE);
  redirect(`/${locale}`);
}
