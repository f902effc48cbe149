'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';
import { FORM_PHASES } from './cycle-phases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * A new co-creation cycle: its programme, code, title, the dates of its ideas, consultation and
 * candidacy phases (entered in UTC; a phase left empty is not created), and its themes, one a line.
 */
export async function createCycle(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values: Record<string, string> = {
    programmeId: formText(form, 'programmeId', 40),
    code: formText(form, 'code', 60),
    titleAr: formText(form, 'titleAr', 600),
    titleFr: formText(form, 'titleFr', 600),
    titleEn: formText(form, 'titleEn', 600),
    themes: formText(form, 'themes', 6000),
  };
  for (const kind of FORM_PHASES) {
    values[`${kind}Opens`] = formText(form, `${kind}Opens`, 20);
    values[`${kind}Closes`] = formText(form, `${kind}Closes`, 20);
  }
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const fieldErrors: Record<string, string> = {};
  if (!UUID.test(values.programmeId)) fieldErrors.programmeId = t('auth.required');
  if (!values.code) fieldErrors.code = t('auth.required');
  if (!values.titleAr) fieldErrors.titleAr = t('auth.required');
  const phases: { kind: string; opensAt: string; closesAt: string }[] = [];
  for (const kind of FORM_PHASES) {
    const opens = values[`${kind}Opens`];
    const closes = values[`${kind}Closes`];
    if (!opens && !closes) continue;
    if (!LOCAL.test(opens)) fieldErrors[`${kind}Opens`] = t('coord.cycles.dateTime');
    if (!LOCAL.test(closes)) fieldErrors[`${kind}Closes`] = t('coord.cycles.dateTime');
    else if (LOCAL.test(opens) && closes <= opens) fieldErrors[`${kind}Closes`] = t('coord.cycles.closesAfter');
    phases.push({ kind, opensAt: `${opens}:00Z`, closesAt: `${closes}:00Z` });
  }
  if (!phases.length && !Object.keys(fieldErrors).length) fieldErrors.ideasOpens = t('coord.cycles.onePhase');
  const themes = values.themes
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (themes.length > 50) fieldErrors.themes = t('coord.cycles.themesHint');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const title: Record<string, string> = { ar: values.titleAr };
  if (values.titleFr) title.fr = values.titleFr;
  if (values.titleEn) title.en = values.titleEn;
  const sent = await sendToGateway<{ id: string }>(locale, 'POST', '/cycles', {
    programmeId: values.programmeId,
    code: values.code,
    title,
    phases,
    themes: themes.map((line, i) => ({ number: i + 1, title: { ar: line.slice(0, 500) } })),
  });
  if (!sent.ok) {
    return failureState(locale, sent.error, {
      values,
      fields: {
        code: { field: 'code', message: t('coord.cycles.codeHint') },
        'title.ar': { field: 'titleAr', message: t('auth.required') },
      },
    });
  }
  redirect(`/${locale}/coordination/cycles?created=${sent.data.id}`);
}
