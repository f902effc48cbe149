'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function intIn(value: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/**
 * The selection of civil-society seats from a cycle's candidacies: a score out of 100 for each
 * (published criteria), the number of seats and the term; the best scores take the free seats.
 */
export async function selectCommittee(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const cycleId = formText(form, 'cycleId', 40);
  const values: Record<string, string> = {
    seats: formText(form, 'seats', 4),
    termStart: formText(form, 'termStart', 12),
    termMonths: formText(form, 'termMonths', 4),
  };
  const scores: { candidacyId: string; score: number }[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const key of [...form.keys()].filter((k) => k.startsWith('score-')).slice(0, 200)) {
    const id = key.slice('score-'.length);
    const raw = formText(form, key, 4);
    values[key] = raw;
    if (!raw) continue;
    const score = intIn(raw, 0, 100);
    if (!UUID.test(id) || score === null) fieldErrors[key] = t('coord.committee.scoreHint');
    else scores.push({ candidacyId: id, score });
  }
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  if (!UUID.test(cycleId)) return { message: t('error.notFoundBody') };
  const seats = intIn(values.seats, 1, 50);
  const termMonths = intIn(values.termMonths, 1, 60);
  if (seats === null) fieldErrors.seats = t('coord.committee.seatsHint');
  if (termMonths === null) fieldErrors.termMonths = t('coord.committee.termHint');
  if (!DATE.test(values.termStart)) fieldErrors.termStart = t('coord.form.date');
  if (!scores.length && !Object.keys(fieldErrors).length) return { message: t('coord.committee.noScores'), values };
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway(locale, 'POST', '/committee/selection', {
    cycleId,
    scores,
    seats,
    termStart: `${values.termStart}T00:00:00Z`,
    termMonths,
  });
  if (!sent.ok) return failureState(locale, sent.error, { values });
  redirect(`/${locale}/coordination/committee?cycle=${cycleId}&selected=1`);
}

/** A government seat (holder and term), which the parity of the committee counts. */
export async function addGovernmentSeat(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const cycleId = formText(form, 'cycleId', 40);
  const values = {
    holder: formText(form, 'holder', 210),
    termStart: formText(form, 'termStart', 12),
    termMonths: formText(form, 'termMonths', 4),
  };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const fieldErrors: Record<string, string> = {};
  if (values.holder.length < 2 || values.holder.length > 200) fieldErrors.holder = t('coord.committee.holderHint');
  if (!DATE.test(values.termStart)) fieldErrors.termStart = t('coord.form.date');
  const termMonths = intIn(values.termMonths, 1, 60);
  if (termMonths === null) fieldErrors.termMonths = t('coord.committee.termHint');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway(locale, 'POST', '/committee/government-seats', {
    holder: values.holder,
    termStart: `${values.termStart}T00:00:00Z`,
    termMonths,
  });
  if (!sent.ok) return failureState(locale, sent.error, { values });
  redirect(`/${locale}/coordination/committee${UUID.test(cycleId) ? `?cycle=${cycleId}&` : '?'}seat=1`);
}
