'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = ['news', 'minutes', 'guide', 'document'];

/** A publication drafted in up to three languages (Arabic required); it stays a draft until published. */
export async function draftPublication(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = {
    kind: formText(form, 'kind', 20),
    cycleId: formText(form, 'cycleId', 40),
    titleAr: formText(form, 'titleAr', 600),
    titleFr: formText(form, 'titleFr', 600),
    titleEn: formText(form, 'titleEn', 600),
    bodyAr: formText(form, 'bodyAr', 10000),
    bodyFr: formText(form, 'bodyFr', 10000),
    bodyEn: formText(form, 'bodyEn', 10000),
  };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const fieldErrors: Record<string, string> = {};
  if (!KINDS.includes(values.kind)) fieldErrors.kind = t('auth.required');
  if (!values.titleAr) fieldErrors.titleAr = t('auth.required');
  if (!values.bodyAr) fieldErrors.bodyAr = t('auth.required');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const text = (ar: string, fr: string, en: string) => ({ ar, ...(fr ? { fr } : {}), ...(en ? { en } : {}) });
  const sent = await sendToGateway<{ id: string }>(locale, 'POST', '/publications', {
    kind: values.kind,
    title: text(values.titleAr, values.titleFr, values.titleEn),
    body: text(values.bodyAr, values.bodyFr, values.bodyEn),
    ...(UUID.test(values.cycleId) ? { cycleId: values.cycleId } : {}),
  });
  if (!sent.ok) {
    return failureState(locale, sent.error, {
      values,
      fields: {
        'title.ar': { field: 'titleAr', message: t('coord.publications.titleHint') },
        'title.fr': { field: 'titleFr', message: t('coord.publications.titleHint') },
        'title.en': { field: 'titleEn', message: t('coord.publications.titleHint') },
        'body.ar': { field: 'bodyAr', message: t('coord.publications.bodyHint') },
      },
    });
  }
  redirect(`/${locale}/coordination/publications?saved=draft#drafts`);
}

/** Publishes a draft: it appears on the public pages, and a cycle's followers are told. */
export async function publishPublication(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const id = formText(form, 'id', 40);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  if (!UUID.test(id)) return { message: t('error.notFoundBody') };
  const sent = await sendToGateway(locale, 'POST', `/publications/${id}/publish`);
  if (!sent.ok) return failureState(locale, sent.error);
  redirect(`/${locale}/coordination/publications?saved=published`);
}
