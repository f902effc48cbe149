'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sends a dead e-mail again; the page comes back saying so. */
export async function retryDeadLetter(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const id = formText(form, 'id', 40);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  if (!UUID.test(id)) return { message: t('error.notFoundBody') };
  const sent = await sendToGateway(locale, 'POST', `/admin/dead-letters/${id}/retry`);
  if (!sent.ok) return failureState(locale, sent.error);
  redirect(`/${locale}/admin/jobs?retried=1#dead-letters`);
}
