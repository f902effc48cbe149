'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9-]{6,20}$/;

function workshopOf(form: FormData): string | null {
  const id = formText(form, 'workshopId', 40);
  return UUID.test(id) ? id : null;
}

/** Marks the people present by their confirmation codes (typed or pasted, separated by spaces, commas or lines). */
export async function markAttendance(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const codes = formText(form, 'codes', 30000);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, { codes });
  const id = workshopOf(form);
  if (!id) return { message: t('error.notFoundBody') };
  const list = [...new Set(codes.split(/[\s,;]+/).filter(Boolean))];
  const bad = list.filter((c) => !CODE.test(c));
  if (!list.length || bad.length || list.length > 1000)
    return {
      message: t('citizen.form.fixErrors'),
      fieldErrors: {
        codes: bad.length
          ? t('coord.workshop.badCodes', { codes: bad.slice(0, 5).join(', ') })
          : t('coord.workshop.codesHint'),
      },
      values: { codes },
    };
  const sent = await sendToGateway<{ present: number }>(locale, 'POST', `/workshops/${id}/attendance`, {
    presentCodes: list,
  });
  if (!sent.ok) return failureState(locale, sent.error, { values: { codes } });
  return { done: t('coord.workshop.presentNow', { count: sent.data.present }) };
}

/** An idea written down at the workshop, recorded with the workshop as its channel. */
export async function recordWorkshopIdea(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = {
    title: formText(form, 'title', 400),
    body: formText(form, 'body', 6000),
    institution: formText(form, 'institution', 300),
  };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const id = workshopOf(form);
  if (!id) return { message: t('error.notFoundBody') };
  const fieldErrors: Record<string, string> = {};
  if (values.title.length < 5 || values.title.length > 200) fieldErrors.title = t('citizen.idea.titleHint');
  if (values.body.length < 10 || values.body.length > 5000) fieldErrors.body = t('citizen.idea.bodyHint');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway(locale, 'POST', `/workshops/${id}/ideas`, {
    title: values.title,
    body: values.body,
    ...(values.institution ? { institution: values.institution } : {}),
  });
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values,
      fields: {
        title: { field: 'title', message: t('citizen.idea.titleHint') },
        body: { field: 'body', message: t('citizen.idea.bodyHint') },
      },
    });
  return { done: t('coord.workshop.ideaRecorded') };
}

/** The problems the workshop ranked, most important first (one a line). */
export async function rankProblems(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const problems = formText(form, 'problems', 20000);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, { problems });
  const id = workshopOf(form);
  if (!id) return { message: t('error.notFoundBody') };
  const lines = problems
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 50 || lines.some((l) => l.length < 3 || l.length > 300))
    return {
      message: t('citizen.form.fixErrors'),
      fieldErrors: { problems: t('coord.workshop.problemsHint') },
      values: { problems },
    };
  const sent = await sendToGateway(locale, 'PUT', `/workshops/${id}/problems`, {
    problems: lines.map((title, i) => ({ title, priority: i + 1 })),
  });
  if (!sent.ok) return failureState(locale, sent.error, { values: { problems } });
  redirect(`/${locale}/coordination/workshops/${id}?saved=problems`);
}

/** The workshop's report and recording links. */
export async function saveOutputs(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = { reportUrl: formText(form, 'reportUrl', 2100), recordingUrl: formText(form, 'recordingUrl', 2100) };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const id = workshopOf(form);
  if (!id) return { message: t('error.notFoundBody') };
  const url = (v: string) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  };
  const fieldErrors: Record<string, string> = {};
  if (values.reportUrl && !url(values.reportUrl)) fieldErrors.reportUrl = t('coord.workshop.urlHint');
  if (values.recordingUrl && !url(values.recordingUrl)) fieldErrors.recordingUrl = t('coord.workshop.urlHint');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway(locale, 'PUT', `/workshops/${id}/outputs`, {
    ...(values.reportUrl ? { reportUrl: values.reportUrl } : {}),
    ...(values.recordingUrl ? { recordingUrl: values.recordingUrl } : {}),
  });
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values,
      fields: {
        reportUrl: { field: 'reportUrl', message: t('coord.workshop.urlHint') },
        recordingUrl: { field: 'recordingUrl', message: t('coord.workshop.urlHint') },
      },
    });
  redirect(`/${locale}/coordination/workshops/${id}?saved=outputs`);
}
