'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The institution's (or the coordination team's) answer to a consultation comment, published under it. */
export async function answerComment(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const commentId = formText(form, 'commentId', 40);
  const draftId = formText(form, 'draftId', 40);
  const answer = formText(form, 'answer', 3100);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, { answer });
  if (!UUID.test(commentId) || !UUID.test(draftId)) return { message: t('error.notFoundBody') };
  if (answer.length < 3 || answer.length > 3000)
    return {
      message: t('citizen.form.fixErrors'),
      fieldErrors: { answer: t('coord.consultation.answerHint') },
      values: { answer },
    };
  const sent = await sendToGateway(locale, 'POST', `/comments/${commentId}/answer`, { answer });
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values: { answer },
      fields: { answer: { field: 'answer', message: t('coord.consultation.answerHint') } },
    });
  redirect(`/${locale}/coordination/consultation/${draftId}?answered=1#comment-${commentId}`);
}
