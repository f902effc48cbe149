'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = ['self_assessment', 'plan_dashboard', 'co_creation_synthesis', 'activities'];
const FORMATS = ['pdf', 'xlsx', 'csv', 'json'];

/** Starts a report (a job of the reporting service); its page then follows the job's progress. */
export async function startReport(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = {
    kind: formText(form, 'kind', 40),
    format: formText(form, 'format', 10),
    planId: formText(form, 'planId', 40),
    cycleId: formText(form, 'cycleId', 40),
    language: formText(form, 'language', 2),
  };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const fieldErrors: Record<string, string> = {};
  if (!KINDS.includes(values.kind)) fieldErrors.kind = t('auth.required');
  if (!FORMATS.includes(values.format)) fieldErrors.format = t('auth.required');
  const needsCycle = values.kind === 'co_creation_synthesis';
  if (needsCycle && !UUID.test(values.cycleId)) fieldErrors.cycleId = t('coord.reports.cycleNeeded');
  if (!needsCycle && KINDS.includes(values.kind) && !UUID.test(values.planId))
    fieldErrors.planId = t('coord.reports.planNeeded');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway<{ id: string }>(locale, 'POST', '/reports', {
    kind: values.kind,
    format: values.format,
    ...(needsCycle ? { cycleId: values.cycleId } : { planId: values.planId }),
    language: ['ar', 'fr', 'en'].includes(values.language) ? values.language : locale,
  });
  if (!sent.ok) return failureState(locale, sent.error, { values });
  redirect(`/${locale}/coordination/reports/${sent.data.id}`);
}
