'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { portalConfig } from '../../config/portal-config';
import { LOCALE_COOKIE, isLocale } from '../../i18n/locales';
import { translator } from '../../i18n/translator';
import type { TokenPair } from '../../session/token-refresh';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from './citizen-form-state';
import { formLocale, formText } from './form-input';
import { expiredFormState, failureState, accountFields } from './form-outcome';
import { sendToGateway } from './gateway-send';
import { startSession } from '../../session/start-session';

function required(t: ReturnType<typeof translator>, entries: [string, string][]): Record<string, string> | null {
  const errors: Record<string, string> = {};
  for (const [name, value] of entries) if (!value) errors[name] = t('auth.required');
  return Object.keys(errors).length ? errors : null;
}

/** Register (citizen or CSO), then log in with the same credentials: a new account goes straight to its space. */
export async function register(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = {
    displayName: formText(form, 'displayName', 200),
    email: formText(form, 'email', 300),
    role: formText(form, 'role', 10),
  };
  const password = String(form.get('password') ?? '');
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const missing = required(t, [
    ['displayName', values.displayName],
    ['email', values.email],
    ['password', password],
  ]);
  if (missing) return { message: t('citizen.form.fixErrors'), fieldErrors: missing, values };
  const role = values.role === 'cso' ? 'cso' : 'citizen';
  const created = await sendToGateway<{ message?: string }>(
    locale,
    'POST',
    '/auth/register',
    { email: values.email, password, displayName: values.displayName, role, language: locale },
    { anonymous: true },
  );
  if (!created.ok) {
    return failureState(locale, created.error, {
      values,
      passwordField: 'password',
      fields: accountFields(t),
    });
  }
  const session = await sendToGateway<TokenPair>(
    locale,
    'POST',
    '/auth/login',
    { email: values.email, password },
    { anonymous: true },
  );
  // An address that already had an account: its owner is told by e-mail, this page says nothing more.
  if (!session.ok) return { done: created.data?.message ?? t('citizen.register.checkEmail') };
  await startSession(session.data);
  redirect(`/${locale}/me`);
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export async function requestPasswordReset(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const email = formText(form, 'email', 300);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, { email });
  if (!email)
    return { message: t('citizen.form.fixErrors'), fieldErrors: { email: t('auth.required') }, values: { email } };
  const sent = await sendToGateway<{ message?: string }>(
    locale,
    'POST',
    '/auth/password-reset',
    { email },
    { anonymous: true },
  );
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values: { email },
      fields: { email: { field: 'email', message: t('citizen.register.emailInvalid') } },
    });
  return { done: sent.data?.message ?? t('citizen.reset.checkEmail') };
}

/** Sets a new password with the e-mailed token; then the visitor logs in with it. */
export async function confirmPasswordReset(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const token = formText(form, 'token', 200);
  const password = String(form.get('password') ?? '');
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  if (!password) return { message: t('citizen.form.fixErrors'), fieldErrors: { password: t('auth.required') } };
  const done = await sendToGateway(
    locale,
    'POST',
    '/auth/password-reset/confirm',
    { token, password },
    { anonymous: true },
  );
  if (!done.ok) {
    if (done.error.code === 'RESET_TOKEN_INVALID' || 'token' in ((done.error.details ?? {}) as object))
      return { message: t('citizen.reset.linkInvalid') };
    return failureState(locale, done.error, {
      passwordField: 'password',
      fields: { password: { field: 'password', message: t('citizen.password.hint') } },
    });
  }
  redirect(`/${locale}/login?reset=1`);
}

/** Changes the password (the current one is asked again); the other sessions end. */
export async function changePassword(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const currentPassword = String(form.get('currentPassword') ?? '');
  const newPassword = String(form.get('newPassword') ?? '');
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const missing = required(t, [
    ['currentPassword', currentPassword],
    ['newPassword', newPassword],
  ]);
  if (missing) return { message: t('citizen.form.fixErrors'), fieldErrors: missing };
  const done = await sendToGateway(locale, 'POST', '/me/password', { currentPassword, newPassword });
  if (!done.ok) {
    if (done.error.code === 'CURRENT_PASSWORD_INVALID' || done.error.code === 'INVALID_CREDENTIALS')
      return { message: done.error.message, fieldErrors: { currentPassword: done.error.message } };
    return failureState(locale, done.error, {
      passwordField: 'newPassword',
      fields: { newPassword: { field: 'newPassword', message: t('citizen.password.hint') } },
    });
  }
  return { done: t('citizen.settings.passwordChanged') };
}

/** The account's language: kept by the gateway (e-mails) and in the language cookie; the page reopens in it. */
export async function changeLanguage(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const language = form.get('language');
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  if (!isLocale(language))
    return {
      message: translator(locale)('citizen.form.fixErrors'),
      fieldErrors: { language: translator(locale)('auth.required') },
    };
  const done = await sendToGateway(language, 'PATCH', '/me', { language });
  if (!done.ok) return failureState(locale, done.error);
  (await cookies()).set(LOCALE_COOKIE, language, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    httpOnly: true,
    secure: portalConfig().secureCookies,
  });
  redirect(`/${language}/me/settings?saved=language`);
}

/** One notification type's mode (immediate, digest, off). */
export async function changeNotificationPreference(
  _state: CitizenFormState,
  form: FormData,
): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const type = formText(form, 'type', 100);
  const mode = formText(form, 'mode', 20);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const done = await sendToGateway(locale, 'PUT', '/me/notification-preferences', { type, mode });
  if (!done.ok)
    return failureState(locale, done.error, { fields: { mode: { field: 'mode', message: t('auth.required') } } });
  return { done: t('citizen.settings.preferenceSaved') };
}
