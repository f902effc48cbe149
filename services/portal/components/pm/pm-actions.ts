'use server';
import { revalidatePath } from 'next/cache';
import { gateway } from '../../gateway/gateway-client';
import type { CommitmentView, PlanView } from '../../gateway/views';
import { formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { pick } from '../../i18n/localized-text';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';
import { EVIDENCE_MAX_BYTES, evidenceType, WeightsFormState } from './pm-form-state';
import { refusal } from './pm-outcome';
import { parseWeight, previewWeights } from './weight-preview';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NO_ID = '00000000-0000-0000-0000-000000000000';

function idOf(form: FormData, name: string): string {
  const value = formText(form, name, 40);
  return UUID.test(value) ? value : NO_ID;
}

/** `{ar, fr?, en?}` from the fields `<prefix>_ar`, `_fr`, `_en`: null when all are empty, 'noArabic' when Arabic is missing. */
function localizedField(form: FormData, prefix: string, max: number): Record<string, string> | null | 'noArabic' {
  const text: Record<string, string> = {};
  for (const l of ['ar', 'fr', 'en']) {
    const v = formText(form, `${prefix}_${l}`, max);
    if (v) text[l] = v;
  }
  if (!Object.keys(text).length) return null;
  return text.ar ? text : 'noArabic';
}

function valuesOf(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, formText(form, n, 10000)]));
}

function number(raw: string): number | null {
  const n = Number(raw.trim().replace(',', '.'));
  return raw.trim() !== '' && Number.isFinite(n) ? n : null;
}

function httpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function refresh(locale: Locale, commitmentId: string): void {
  revalidatePath(`/${locale}/pm/commitments/${commitmentId}`);
  revalidatePath(`/${locale}/pm`);
}

/**
 * A progress report on one activity (a percentage or done, its date, results, an evidence link and
 * file). The file's size and type are checked here before anything is sent; the commitments service
 * checks its bytes again. The answer says the commitment's, area's and plan's new progress.
 */
export async function reportProgress(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const f = formatter(locale);
  const commitmentId = idOf(form, 'commitmentId');
  const values = valuesOf(form, [
    'activityId',
    'progress',
    'complete',
    'reportedOn',
    'results_ar',
    'results_fr',
    'results_en',
    'evidenceUrl',
    'evidenceTitle',
  ]);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const errors: Record<string, string> = {};
  // The checkbox is `complete`: `<form id>-done` is the id of the form's success message.
  const done = values.complete === 'true';
  const progress = number(values.progress);
  if (!UUID.test(values.activityId)) errors.activityId = t('auth.required');
  if (!done && (progress === null || progress < 0 || progress > 100)) errors.progress = t('pm.report.progressHint');
  if (!DATE.test(values.reportedOn)) errors.reportedOn = t('pm.dateHint');
  const results = localizedField(form, 'results', 10000);
  if (results === 'noArabic') errors.results_ar = t('pm.arabicRequired');
  if (values.evidenceUrl && !httpUrl(values.evidenceUrl)) errors.evidenceUrl = t('pm.urlHint');
  const file = form.get('file');
  let files: { name: string; type: string; content: string }[] | undefined;
  if (file instanceof File && file.size > 0) {
    const type = evidenceType(file.name, file.type);
    if (file.size > EVIDENCE_MAX_BYTES) errors.file = t('pm.file.tooBig', { max: f.number(EVIDENCE_MAX_BYTES / 1024) });
    else if (!type) errors.file = t('pm.file.badType');
    else
      files = [
        {
          name: file.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(-120),
          type,
          content: Buffer.from(await file.arrayBuffer()).toString('base64'),
        },
      ];
  }
  if (Object.keys(errors).length) return { message: t('citizen.form.fixErrors'), fieldErrors: errors, values };
  const body = {
    activityId: values.activityId,
    ...(done ? { done: true } : { progress }),
    reportedOn: values.reportedOn,
    ...(results && results !== 'noArabic' ? { results } : {}),
    ...(values.evidenceUrl
      ? {
          evidence: [
            { url: values.evidenceUrl, ...(values.evidenceTitle ? { title: values.evidenceTitle.slice(0, 200) } : {}) },
          ],
        }
      : {}),
    ...(files ? { files } : {}),
  };
  const sent = await sendToGateway<CommitmentView>(locale, 'POST', `/commitments/${commitmentId}/progress`, body);
  if (!sent.ok) {
    return refusal(
      locale,
      sent.error,
      {
        activityId: 'activityId',
        progress: 'progress',
        done: 'complete',
        reportedOn: 'reportedOn',
        results: 'results_ar',
        evidence: 'evidenceUrl',
        files: 'file',
      },
      values,
    );
  }
  refresh(locale, commitmentId);
  const commitment = sent.data;
  const plan = await (
    await gateway.user(locale)
  )
    .get<PlanView>('/plans/{id}', { path: { id: commitment.planId } })
    .catch(() => null);
  const area = plan?.areas.find((a) => a.id === commitment.areaId);
  return {
    done: t('pm.report.done', {
      commitment: f.percent(commitment.progress),
      area: area ? f.percent(area.progress) : '—',
      areaTitle: area ? pick(area.title, locale) : '—',
      plan: plan ? f.percent(plan.progress) : '—',
    }),
  };
}

/** Activity weights: `intent=preview` shows the normalised shares and the progress they would give, nothing saved; `submit` saves them. */
export async function setWeights(_state: WeightsFormState, form: FormData): Promise<WeightsFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const f = formatter(locale);
  const commitmentId = idOf(form, 'commitmentId');
  const ids = form
    .getAll('activity')
    .filter((v): v is string => typeof v === 'string' && UUID.test(v))
    .slice(0, 200);
  const values = Object.fromEntries(ids.map((id) => [`weight-${id}`, formText(form, `weight-${id}`, 40)]));
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const errors: Record<string, string> = {};
  const weights = ids.map((id) => {
    const w = parseWeight(values[`weight-${id}`]);
    if (w === 'invalid') errors[`weight-${id}`] = t('pm.weights.hint');
    return { activityId: id, weight: w === 'invalid' ? null : w };
  });
  if (!ids.length) return { message: t('citizen.form.fixErrors') };
  if (Object.keys(errors).length) return { message: t('citizen.form.fixErrors'), fieldErrors: errors, values };
  if (formText(form, 'intent', 20) === 'preview') {
    const commitment = await (
      await gateway.user(locale)
    )
      .get<CommitmentView>('/commitments/{id}', { path: { id: commitmentId } })
      .catch(() => null);
    const progressOf = new Map(commitment?.activities.map((a) => [a.id, a.progress]) ?? []);
    const preview = previewWeights(
      weights.map((w) => ({ id: w.activityId, weight: w.weight, progress: progressOf.get(w.activityId) ?? 0 })),
    );
    return { values, preview, done: t('pm.weights.previewDone', { progress: f.percent(preview.progress) }) };
  }
  const sent = await sendToGateway<CommitmentView>(locale, 'PUT', `/commitments/${commitmentId}/weights`, { weights });
  if (!sent.ok) return refusal(locale, sent.error, {}, values);
  refresh(locale, commitmentId);
  return { values, done: t('pm.weights.saved', { progress: f.percent(sent.data.progress) }) };
}

/** A new activity in the commitment (its title in Arabic at least, dates, optional weight and responsible). */
export async function addActivity(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const commitmentId = idOf(form, 'commitmentId');
  const values = valuesOf(form, ['title_ar', 'title_fr', 'title_en', 'startDate', 'endDate', 'weight', 'responsible']);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const errors: Record<string, string> = {};
  const title = localizedField(form, 'title', 300);
  if (title === null || title === 'noArabic') errors.title_ar = t('pm.arabicRequired');
  if (!DATE.test(values.startDate)) errors.startDate = t('pm.dateHint');
  if (!DATE.test(values.endDate)) errors.endDate = t('pm.dateHint');
  const weight = parseWeight(values.weight);
  if (weight === 'invalid') errors.weight = t('pm.weights.hint');
  if (Object.keys(errors).length) return { message: t('citizen.form.fixErrors'), fieldErrors: errors, values };
  const body = {
    title,
    startDate: values.startDate,
    endDate: values.endDate,
    weight,
    ...(values.responsible ? { responsible: values.responsible.slice(0, 200) } : {}),
  };
  const sent = await sendToGateway(locale, 'POST', `/commitments/${commitmentId}/activities`, body);
  if (!sent.ok)
    return refusal(
      locale,
      sent.error,
      { title: 'title_ar', startDate: 'startDate', endDate: 'endDate', weight: 'weight', responsible: 'responsible' },
      values,
    );
  refresh(locale, commitmentId);
  return { done: t('pm.activity.added') };
}

/** Removes an activity (asked to confirm: it changes the commitment's progress). */
export async function removeActivity(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const commitmentId = idOf(form, 'commitmentId');
  const values = valuesOf(form, ['activityId']);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const errors: Record<string, string> = {};
  if (!UUID.test(values.activityId)) errors.activityId = t('auth.required');
  if (formText(form, 'confirm', 10) !== 'true') errors.confirm = t('pm.activity.confirmHint');
  if (Object.keys(errors).length) return { message: t('citizen.form.fixErrors'), fieldErrors: errors, values };
  const sent = await sendToGateway(locale, 'DELETE', `/commitments/${commitmentId}/activities/${values.activityId}`);
  if (!sent.ok) return refusal(locale, sent.error, {}, values);
  refresh(locale, commitmentId);
  return { done: t('pm.activity.removed') };
}

/** An indicator's measured value. */
export async function setIndicator(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const commitmentId = idOf(form, 'commitmentId');
  const values = valuesOf(form, ['current', 'baseline', 'target']);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const errors: Record<string, string> = {};
  const parsed: Record<string, number | undefined> = {};
  for (const name of ['current', 'baseline', 'target']) {
    if (!form.has(name)) continue;
    const n = number(values[name]);
    if (n === null) errors[name] = t('pm.numberHint');
    else parsed[name] = n;
  }
  if (Object.keys(errors).length) return { message: t('citizen.form.fixErrors'), fieldErrors: errors, values };
  const sent = await sendToGateway(locale, 'PUT', `/commitments/${commitmentId}/indicators`, {
    indicatorId: idOf(form, 'indicatorId'),
    ...parsed,
  });
  if (!sent.ok)
    return refusal(locale, sent.error, { current: 'current', baseline: 'baseline', target: 'target' }, values);
  refresh(locale, commitmentId);
  return { done: t('pm.indicator.saved') };
}

/** A communication activity about the commitment (press, social media, event, publication). */
export async function addCommunication(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const commitmentId = idOf(form, 'commitmentId');
  const values = valuesOf(form, ['kind', 'title_ar', 'title_fr', 'title_en', 'happenedOn', 'link']);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const errors: Record<string, string> = {};
  const title = localizedField(form, 'title', 300);
  if (title === null || title === 'noArabic') errors.title_ar = t('pm.arabicRequired');
  if (!DATE.test(values.happenedOn)) errors.happenedOn = t('pm.dateHint');
  if (values.link && !httpUrl(values.link)) errors.link = t('pm.urlHint');
  if (Object.keys(errors).length) return { message: t('citizen.form.fixErrors'), fieldErrors: errors, values };
  const sent = await sendToGateway(locale, 'POST', `/commitments/${commitmentId}/communications`, {
    kind: values.kind,
    title,
    happenedOn: values.happenedOn,
    ...(values.link ? { link: values.link } : {}),
  });
  if (!sent.ok)
    return refusal(
      locale,
      sent.error,
      { kind: 'kind', title: 'title_ar', happenedOn: 'happenedOn', link: 'link' },
      values,
    );
  refresh(locale, commitmentId);
  return { done: t('pm.communication.added') };
}

/** A blocker: an intervention request to the steering committee of the commitment's programme. */
export async function raiseBlocker(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const commitmentId = idOf(form, 'commitmentId');
  const values = valuesOf(form, ['title', 'description']);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const errors: Record<string, string> = {};
  if (values.title.length < 3) errors.title = t('pm.blocker.titleHint');
  if (values.description.length < 3) errors.description = t('pm.blocker.descriptionHint');
  if (Object.keys(errors).length) return { message: t('citizen.form.fixErrors'), fieldErrors: errors, values };
  const sent = await sendToGateway(locale, 'POST', `/commitments/${commitmentId}/blockers`, {
    title: values.title.slice(0, 200),
    description: values.description.slice(0, 5000),
  });
  if (!sent.ok) return refusal(locale, sent.error, { title: 'title', description: 'description' }, values);
  refresh(locale, commitmentId);
  return { done: t('pm.blocker.raised') };
}

/** Closes a blocker (its raiser once answered, or the committee). */
export async function closeBlocker(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const sent = await sendToGateway(locale, 'POST', `/blockers/${idOf(form, 'blockerId')}/close`);
  if (!sent.ok) return refusal(locale, sent.error, {});
  // Not re-rendered at once: the request would leave its list (filtered by status) with this confirmation.
  return { done: translator(locale)('pm.blocker.closed') };
}

/** The committee's answer to an intervention request. */
export async function answerBlocker(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = valuesOf(form, ['answer']);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  if (values.answer.length < 3)
    return { message: t('citizen.form.fixErrors'), fieldErrors: { answer: t('pm.blocker.answerHint') }, values };
  const sent = await sendToGateway(locale, 'POST', `/blockers/${idOf(form, 'blockerId')}/answer`, {
    answer: values.answer.slice(0, 5000),
  });
  if (!sent.ok) return refusal(locale, sent.error, { answer: 'answer' }, values);
  // Not re-rendered at once: an open request would leave the "open" list with this confirmation.
  return { done: t('pm.blocker.answered'), values };
}

/** The monthly report of a plan (its dashboard as a PDF, in the reader's language), produced by the platform's workers. */
export async function requestMonthlyReport(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = valuesOf(form, ['planId', 'format']);
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  if (!UUID.test(values.planId))
    return { message: t('citizen.form.fixErrors'), fieldErrors: { planId: t('auth.required') }, values };
  const format = ['pdf', 'xlsx', 'csv'].includes(values.format) ? values.format : 'pdf';
  const sent = await sendToGateway<{ id: string }>(locale, 'POST', '/reports', {
    kind: 'plan_dashboard',
    format,
    planId: values.planId,
    language: locale,
  });
  if (!sent.ok) return refusal(locale, sent.error, { planId: 'planId', format: 'format' }, values);
  revalidatePath(`/${locale}/committee/reports`);
  return {
    done: t('committee.reports.requested'),
    links: [{ href: `/${locale}/committee/reports?report=${sent.data.id}`, label: t('committee.reports.follow') }],
  };
}
