import 'server-only';
import { GatewayError } from '../../gateway/gateway-error';
import { formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { translator } from '../../i18n/translator';
import type { CitizenFormState } from './citizen-form-state';
import type { Translate } from '../../i18n/translator';

export interface FailureOptions {
  /** Gateway field (a key of the validation details, or a code's field) → the form's field and its message. */
  fields?: Record<string, { field: string; message: string }>;
  /** The form's field that a password policy refusal is about. */
  passwordField?: string;
  values?: Record<string, string>;
}

/**
 * A refused write as the form shows it: the gateway's message in the reader's language for the whole
 * form, the field it is about marked; a closed window says when it opens or closed, dated per locale.
 */
export function failureState(locale: Locale, error: GatewayError, options: FailureOptions = {}): CitizenFormState {
  const t = translator(locale);
  const f = formatter(locale);
  const details = (error.details ?? {}) as Record<string, unknown>;
  const base = { values: options.values };
  if (error.code === 'WINDOW_NOT_OPEN' && typeof details.opensAt === 'string')
    return { ...base, message: t('citizen.window.opensOn', { date: f.dateTime(details.opensAt) }) };
  if (error.code === 'WINDOW_CLOSED' && typeof details.closesAt === 'string')
    return { ...base, message: t('citizen.window.closedOn', { date: f.dateTime(details.closesAt) }) };
  if (error.status === 503 && !error.message) return { ...base, message: t('auth.unavailable') };
  if (error.status === 401) return { ...base, message: t('citizen.sessionEnded') };
  const message = error.message || t('auth.unavailable');
  const fieldErrors: Record<string, string> = {};
  if (error.code.startsWith('PASSWORD_') && options.passwordField) fieldErrors[options.passwordField] = message;
  // A validation refusal names its fields under details.fields (the gateway's ValidationPipe).
  const named =
    details.fields && typeof details.fields === 'object' ? (details.fields as Record<string, unknown>) : details;
  for (const key of Object.keys(named)) {
    const target = options.fields?.[key];
    if (target) fieldErrors[target.field] = target.message;
  }
  return { ...base, message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
}

/** The form whose CSRF token is missing or forged: nothing is sent to the gateway. */
export function expiredFormState(locale: Locale, values?: Record<string, string>): CitizenFormState {
  return { message: translator(locale)('auth.sessionExpired'), values };
}

/** The fields of an account form (opened by a visitor or by the admin) that a refusal of the gateway is about. */
export function accountFields(t: Translate): NonNullable<FailureOptions['fields']> {
  return {
    email: { field: 'email', message: t('citizen.register.emailInvalid') },
    password: { field: 'password', message: t('citizen.password.hint') },
    displayName: { field: 'displayName', message: t('citizen.register.nameInvalid') },
  };
}
