'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import { formLocale, formText } from '../citizen/form-input';
import { sendToGateway } from '../citizen/gateway-send';
import type { StaffFormState } from './form-state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The card's texts edited side by side, with the gateway's length for each. */
const TEXTS = { title: 300, description: 10000, problem: 10000, solution: 10000 } as const;
const LANGS = ['ar', 'fr', 'en'] as const;

/**
 * Saves a commitment's title and card texts in the three languages at once. Arabic is required for
 * a text that has any language; an empty French or English cell is left out (not translated yet).
 */
export async function saveCard(_state: StaffFormState, form: FormData): Promise<StaffFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const id = formText(form, 'commitmentId', 40);
  const values: Record<string, string> = {};
  for (const name of Object.keys(TEXTS))
    for (const l of LANGS) values[`${name}-${l}`] = formText(form, `${name}-${l}`, 10100);
  if (!(await verifyCsrf(form))) return { message: t('auth.sessionExpired'), values };
  if (!UUID.test(id)) return { message: t('error.notFoundBody') };
  const fieldErrors: Record<string, string> = {};
  const body: Record<string, Record<string, string>> = {};
  for (const [name, max] of Object.entries(TEXTS)) {
    const text: Record<string, string> = {};
    for (const l of LANGS) {
      const v = values[`${name}-${l}`];
      if (v.length > max) fieldErrors[`${name}-${l}`] = t('coord.card.tooLong', { max });
      else if (v) text[l] = v;
    }
    if (Object.keys(text).length === 0) continue;
    if (!text.ar) fieldErrors[`${name}-ar`] = t('coord.card.arabicRequired');
    body[name] = text;
  }
  if (!body.title) fieldErrors['title-ar'] = t('coord.card.arabicRequired');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway(locale, 'PATCH', `/commitments/${id}`, body);
  if (!sent.ok) {
    const fields = ((sent.error.details as { fields?: Record<string, string[]> } | undefined)?.fields ?? {}) as Record<
      string,
      string[]
    >;
    for (const [path, messages] of Object.entries(fields)) {
      const [name, l] = path.split('.');
      if (name in TEXTS && (LANGS as readonly string[]).includes(l)) fieldErrors[`${name}-${l}`] = messages.join(' ');
    }
    return {
      message: sent.error.status === 401 ? t('citizen.sessionEnded') : sent.error.message || t('auth.unavailable'),
      values,
      ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    };
  }
  redirect(`/${locale}/coordination/commitments/${id}?saved=card#card-title`);
}
