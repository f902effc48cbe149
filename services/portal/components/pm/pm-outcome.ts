import 'server-only';
import { GatewayError } from '../../gateway/gateway-error';
import { Locale } from '../../i18n/locales';
import { translator } from '../../i18n/translator';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { failureState } from '../citizen/form-outcome';

/**
 * A refused write: the gateway's message for the form, and each field it names shown against the
 * form's field with the gateway's own words (in the reader's language). `fields` maps a gateway
 * field, or its prefix (`files` for `files.0.type`), to the form's field.
 */
export function refusal(
  locale: Locale,
  error: GatewayError,
  fields: Record<string, string>,
  values?: Record<string, string>,
): CitizenFormState {
  const state = failureState(locale, error, { values });
  if (error.status === 403) return { ...state, message: translator(locale)('pm.outOfScope') };
  const details = (error.details ?? {}) as { fields?: Record<string, string[]> };
  const fieldErrors: Record<string, string> = { ...(state.fieldErrors ?? {}) };
  for (const [key, messages] of Object.entries(details.fields ?? {})) {
    const match = Object.keys(fields).find((prefix) => key === prefix || key.startsWith(`${prefix}.`));
    if (match) fieldErrors[fields[match]] = messages.join(' ');
  }
  return { ...state, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
}
