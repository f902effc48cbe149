'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LEVELS = ['not_started', 'limited', 'substantial', 'complete'];
const STRATEGY = /^(remote:)?[a-z0-9][a-z0-9_-]{0,63}$/;

/** Overrides a commitment's completion level with its reason, or removes the override (level "derived"). */
export async function overrideLevel(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const id = formText(form, 'commitmentId', 40);
  const values = { level: formText(form, 'level', 20), reason: formText(form, 'reason', 1100) };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  if (!UUID.test(id)) return { message: t('error.notFoundBody') };
  const fieldErrors: Record<string, string> = {};
  if (values.level !== 'derived' && !LEVELS.includes(values.level)) fieldErrors.level = t('auth.required');
  if (values.reason.length < 5 || values.reason.length > 1000) fieldErrors.reason = t('coord.commitment.reasonHint');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway(locale, 'PUT', `/commitments/${id}/completion-level-override`, {
    level: values.level === 'derived' ? null : values.level,
    reason: values.reason,
  });
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values,
      fields: { reason: { field: 'reason', message: t('coord.commitment.reasonHint') } },
    });
  redirect(`/${locale}/coordination/commitments/${id}?saved=level`);
}

/** Sets the tracking strategy for the commitment, its lead institution or its programme (or clears that level's choice). */
export async function setStrategy(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const commitmentId = formText(form, 'commitmentId', 40);
  const values = { target: formText(form, 'target', 20), strategy: formText(form, 'strategy', 80) };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const targets: Record<string, string> = {
    commitment: commitmentId,
    institution: formText(form, 'institutionId', 40),
    programme: formText(form, 'programmeId', 40),
  };
  const id = targets[values.target];
  const fieldErrors: Record<string, string> = {};
  if (!id || !UUID.test(id)) fieldErrors.target = t('auth.required');
  if (values.strategy !== 'inherit' && !STRATEGY.test(values.strategy))
    fieldErrors.strategy = t('coord.commitment.strategyHint');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway(locale, 'PUT', '/tracking-strategy', {
    target: values.target,
    id,
    strategy: values.strategy === 'inherit' ? null : values.strategy,
  });
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values,
      fields: { strategy: { field: 'strategy', message: t('coord.commitment.strategyHint') } },
    });
  redirect(`/${locale}/coordination/commitments/${commitmentId}?saved=strategy`);
}
