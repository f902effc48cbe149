'use server';
import { revalidatePath } from 'next/cache';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from './citizen-form-state';
import { formLocale, formText } from './form-input';
import { expiredFormState, failureState } from './form-outcome';
import { sendToGateway } from './gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(form: FormData, name: string): string {
  const value = formText(form, name, 40);
  return UUID.test(value) ? value : '00000000-0000-0000-0000-000000000000';
}

/** Registers for a workshop; the confirmation code is shown (and e-mailed by the platform). */
export async function registerForWorkshop(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const done = await sendToGateway<{ code: string }>(
    locale,
    'POST',
    `/workshops/${idOf(form, 'workshopId')}/registrations`,
  );
  if (!done.ok) return failureState(locale, done.error);
  revalidatePath(`/${locale}/me/take-part`);
  return { done: translator(locale)('citizen.takePart.registered', { code: done.data.code }) };
}

/** Cancels a registration by its confirmation code; the seat is freed. */
export async function cancelWorkshopRegistration(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const code = formText(form, 'code', 20).toUpperCase();
  const values = { code, workshopId: formText(form, 'workshopId', 40) };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  if (!/^[A-Z0-9-]{4,20}$/.test(code))
    return { message: t('citizen.form.fixErrors'), fieldErrors: { code: t('auth.required') }, values };
  const done = await sendToGateway(
    locale,
    'DELETE',
    `/workshops/${idOf(form, 'workshopId')}/registrations/${encodeURIComponent(code)}`,
  );
  if (!done.ok)
    return failureState(locale, done.error, {
      values,
      fields: { code: { field: 'code', message: t('citizen.takePart.code') } },
    });
  revalidatePath(`/${locale}/me/take-part`);
  return { done: t('citizen.takePart.cancelled') };
}

/** A comment on a draft commitment during the consultation, forwarded to the institution concerned. */
export async function commentOnDraft(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const body = formText(form, 'body', 4000);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, { body });
  if (!body)
    return { message: t('citizen.form.fixErrors'), fieldErrors: { body: t('auth.required') }, values: { body } };
  const done = await sendToGateway(locale, 'POST', `/drafts/${idOf(form, 'draftId')}/comments`, { body });
  if (!done.ok)
    return failureState(locale, done.error, {
      values: { body },
      fields: { body: { field: 'body', message: t('citizen.takePart.commentHint') } },
    });
  revalidatePath(`/${locale}/me/take-part`);
  return { done: t('citizen.takePart.commentPosted') };
}

/** Supports an idea (once per person; the gateway counts). */
export async function supportIdea(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const done = await sendToGateway<{ supports: number }>(locale, 'POST', `/ideas/${idOf(form, 'ideaId')}/support`);
  if (!done.ok) return failureState(locale, done.error);
  return {
    done: `${translator(locale)('citizen.takePart.supported')} ${translator(locale)('citizen.takePart.supports', { count: done.data.supports })}`,
  };
}

/** Reports an idea to the coordination team, with a reason. */
export async function reportIdea(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const reason = formText(form, 'reason', 600);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, { reason });
  if (!reason)
    return { message: t('citizen.form.fixErrors'), fieldErrors: { reason: t('auth.required') }, values: { reason } };
  const done = await sendToGateway(locale, 'POST', `/ideas/${idOf(form, 'ideaId')}/report`, { reason });
  if (!done.ok)
    return failureState(locale, done.error, {
      values: { reason },
      fields: { reason: { field: 'reason', message: t('citizen.takePart.reportHint') } },
    });
  return { done: t('citizen.takePart.reported') };
}

/** A CSO applies for a civil-society seat on the steering committee during the candidacy window. */
export async function applyForSeat(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = { organisation: formText(form, 'organisation', 300), statement: formText(form, 'statement', 6000) };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const fieldErrors: Record<string, string> = {};
  if (!values.organisation) fieldErrors.organisation = t('auth.required');
  if (!values.statement) fieldErrors.statement = t('auth.required');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const done = await sendToGateway(locale, 'POST', '/candidacies', { cycleId: idOf(form, 'cycleId'), ...values });
  if (!done.ok) {
    return failureState(locale, done.error, {
      values,
      fields: {
        organisation: { field: 'organisation', message: t('citizen.register.nameInvalid') },
        statement: { field: 'statement', message: t('citizen.takePart.statementHint') },
      },
    });
  }
  return { done: t('citizen.takePart.applied') };
}

/** Follows a commitment or a cycle, or stops following it. */
export async function toggleFollow(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const kind = form.get('kind') === 'cycle' ? 'cycles' : 'commitments';
  const follow = form.get('follow') === 'true';
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const done = await sendToGateway(locale, follow ? 'PUT' : 'DELETE', `/me/follows/${kind}/${idOf(form, 'id')}`);
  if (!done.ok) return failureState(locale, done.error);
  revalidatePath('/', 'layout');
  return { done: follow ? t('citizen.follow.following') : t('citizen.follow.stopped') };
}
