'use server';
import { createHash } from 'node:crypto';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STEPS = ['screen:accept', 'screen:reject', 'group', 'share', 'study', 'retain', 'not_retain', 'publish'] as const;
const REASONS = ['not_open_government', 'not_precise'];

/**
 * One fate step for the ideas ticked in the triage list, all or none. What each step needs is
 * checked here first (a rejection's reason and explanation, the institution of a grouping, the
 * proposed commitment of a retention, the explanation of "not retained"); the form carries an
 * idempotency key, so a second click or a resent form moves nothing twice.
 */
export async function moveIdeas(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const cycleId = formText(form, 'cycleId', 40);
  const back = formText(form, 'back', 500);
  const key = formText(form, 'key', 60);
  const ideaIds = [
    ...new Set(form.getAll('ideaIds').filter((v): v is string => typeof v === 'string' && UUID.test(v))),
  ];
  const values = {
    step: formText(form, 'step', 20),
    rejectionReason: formText(form, 'rejectionReason', 40),
    explanation: formText(form, 'explanation', 2100),
    institution: formText(form, 'institution', 210),
    draftCommitmentId: formText(form, 'draftCommitmentId', 40),
  };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  if (!UUID.test(cycleId)) return { message: t('error.notFoundBody'), values };
  const step = STEPS.find((s) => s === values.step);
  const fieldErrors: Record<string, string> = {};
  if (ideaIds.length === 0) return { message: t('coord.triage.noneSelected'), values };
  if (ideaIds.length > 100) return { message: t('coord.triage.tooMany', { max: 100 }), values };
  if (!step) fieldErrors.step = t('auth.required');
  if (step === 'screen:reject' && !REASONS.includes(values.rejectionReason))
    fieldErrors.rejectionReason = t('coord.triage.reasonNeeded');
  if ((step === 'screen:reject' || step === 'not_retain') && values.explanation.length < 10)
    fieldErrors.explanation = t('coord.triage.explanationNeeded');
  if (values.explanation.length > 2000) fieldErrors.explanation = t('coord.triage.explanationNeeded');
  if (step === 'group' && values.institution.length < 2) fieldErrors.institution = t('coord.triage.institutionNeeded');
  if (step === 'retain' && !UUID.test(values.draftCommitmentId))
    fieldErrors.draftCommitmentId = t('coord.triage.draftNeeded');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };

  const [name, decision] = (step as string).split(':');
  const body: Record<string, unknown> = { ideaIds, step: name };
  if (decision) body.decision = decision;
  if (step === 'screen:reject') body.rejectionReason = values.rejectionReason;
  if (values.explanation) body.explanation = values.explanation;
  if (step === 'group') body.institution = values.institution;
  if (step === 'retain') body.draftCommitmentId = values.draftCommitmentId;
  // The form's key with what is sent: the same form sent twice moves nothing twice, a corrected one is a new request.
  const idempotencyKey = UUID.test(key)
    ? `triage-${createHash('sha256')
        .update(`${key}\u0000${cycleId}\u0000${JSON.stringify(body)}`)
        .digest('base64url')
        .slice(0, 40)}`
    : undefined;
  const sent = await sendToGateway<{ moved: number }>(locale, 'POST', `/cycles/${cycleId}/ideas/fate`, body, {
    idempotencyKey,
  });
  if (!sent.ok) {
    const details = (sent.error.details ?? {}) as { ideaId?: string };
    const state = failureState(locale, sent.error, {
      values,
      fields: {
        explanation: { field: 'explanation', message: t('coord.triage.explanationNeeded') },
        rejectionReason: { field: 'rejectionReason', message: t('coord.triage.reasonNeeded') },
        institution: { field: 'institution', message: t('coord.triage.institutionNeeded') },
        draftCommitmentId: { field: 'draftCommitmentId', message: t('coord.triage.draftNeeded') },
      },
    });
    // The idea that refused the step is marked in the list (the page reads ?refused=).
    return details.ideaId
      ? { ...state, links: [{ href: `#idea-${details.ideaId}`, label: t('coord.triage.refusedIdea') }] }
      : state;
  }
  const target = back.startsWith(`/${locale}/coordination/ideas`)
    ? back
    : `/${locale}/coordination/ideas?cycle=${cycleId}`;
  redirect(`${target}${target.includes('?') ? '&' : '?'}moved=${sent.data.moved}`);
}

/** Hides a reported idea from the public with the reason (the author still sees it, with the reason). */
export async function hideIdea(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const ideaId = formText(form, 'ideaId', 40);
  const reason = formText(form, 'reason', 600);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, { reason });
  if (!UUID.test(ideaId)) return { message: t('error.notFoundBody') };
  if (reason.length < 3 || reason.length > 500)
    return {
      message: t('citizen.form.fixErrors'),
      fieldErrors: { reason: t('coord.triage.hideReasonHint') },
      values: { reason },
    };
  const sent = await sendToGateway(locale, 'POST', `/ideas/${ideaId}/hide`, { reason });
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values: { reason },
      fields: { reason: { field: 'reason', message: t('coord.triage.hideReasonHint') } },
    });
  return { done: t('coord.triage.hidden') };
}
