'use server';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const BOUNDS = { deadlineNoticeDays: [0, 180], escalationDays: [1, 365], reportingPeriodDays: [7, 366] } as const;

interface Settings {
  deadlineNoticeDays: number;
  escalationDays: number;
  reportingPeriodDays: number;
  timeZone: string;
}

/**
 * A programme's alert settings: days of notice before a deadline, days before an overdue item is
 * escalated, the reporting period and the time zone "today" follows. An empty field keeps its value;
 * the settings in force are shown after saving.
 */
export async function saveProgrammeSettings(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const id = formText(form, 'programmeId', 40);
  const values = {
    deadlineNoticeDays: formText(form, 'deadlineNoticeDays', 4),
    escalationDays: formText(form, 'escalationDays', 4),
    reportingPeriodDays: formText(form, 'reportingPeriodDays', 4),
    timeZone: formText(form, 'timeZone', 70),
  };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  if (!UUID.test(id)) return { message: t('error.notFoundBody') };
  const body: Record<string, string | number> = {};
  const fieldErrors: Record<string, string> = {};
  for (const [name, [min, max]] of Object.entries(BOUNDS)) {
    const raw = values[name as keyof typeof BOUNDS];
    if (!raw) continue;
    const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= min && n <= max)) fieldErrors[name] = t('coord.settings.between', { min, max });
    else body[name] = n;
  }
  if (values.timeZone) {
    if (!ZONE.test(values.timeZone) || values.timeZone.length > 64)
      fieldErrors.timeZone = t('coord.settings.timeZoneHint');
    else body.timeZone = values.timeZone;
  }
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway<Settings>(locale, 'PUT', `/programmes/${id}/alert-settings`, body);
  if (!sent.ok)
    return failureState(locale, sent.error, {
      values,
      fields: { timeZone: { field: 'timeZone', message: t('coord.settings.timeZoneHint') } },
    });
  const s = sent.data;
  return {
    done: t('coord.settings.saved', {
      notice: s.deadlineNoticeDays,
      escalation: s.escalationDays,
      period: s.reportingPeriodDays,
      zone: s.timeZone,
    }),
  };
}
