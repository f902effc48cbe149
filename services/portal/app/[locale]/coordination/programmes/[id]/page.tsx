import { ActionForm } from '../../../../../components/citizen/action-form';
import { saveProgrammeSettings } from '../../../../../components/coord/programme-settings-action';
import type { ProgrammeView } from '../../../../../gateway/views';
import { pick } from '../../../../../i18n/localized-text';
import { CsrfField } from '../../../../../session/csrf-field';
import { titled } from '../../../../../components/page-props';
import { COORDINATION_ROLES, openStaffRecord } from '../../../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../../../components/coord/staff-page';

type InForce = { deadlineNoticeDays: number; escalationDays: number; reportingPeriodDays: number; timeZone: string };

export const generateMetadata = titled('coord.settings.title');

/** A programme's alert settings (deadline notice, escalation, reporting period, time zone); an empty field keeps its value. */
export default async function ProgrammeSettingsPage(props: StaffPageProps<{ id: string }>) {
  const opened = await openStaffRecord(
    props,
    (id) => `/coordination/programmes/${id}`,
    COORDINATION_ROLES,
    (api, id) =>
      Promise.all([
        api.get<ProgrammeView>('/programmes/{id}', { path: { id } }),
        api.get<InForce>('/programmes/{id}/alert-settings', { path: { id } }),
      ]),
  );
  if (opened.view) return opened.view;
  const {
    locale,
    t,
    record: [programme, settings],
  } = opened;
  return (
    <section className="page-section narrow-wide" aria-labelledby="settings-title">
      <p>
        <a href={`/${locale}/coordination/plans`}>{t('coord.plans.title')}</a>
      </p>
      <h1 id="settings-title">{t('coord.settings.title')}</h1>
      <p className="lead">{pick(programme.name, locale)}</p>
      <p className="muted">{t('coord.settings.intro')}</p>
      <p role="status">
        {t('coord.settings.saved', {
          notice: settings.deadlineNoticeDays,
          escalation: settings.escalationDays,
          period: settings.reportingPeriodDays,
          zone: settings.timeZone,
        })}
      </p>
      <ActionForm
        id="settings"
        action={saveProgrammeSettings}
        csrf={<CsrfField />}
        hidden={{ locale, programmeId: programme.id }}
        submit={t('coord.settings.save')}
        fields={[
          {
            name: 'deadlineNoticeDays',
            label: t('coord.settings.deadlineNoticeDays'),
            dir: 'ltr',
            maxLength: 3,
            hint: t('coord.settings.between', { min: 0, max: 180 }),
            defaultValue: String(settings.deadlineNoticeDays),
          },
          {
            name: 'escalationDays',
            label: t('coord.settings.escalationDays'),
            dir: 'ltr',
            maxLength: 3,
            hint: t('coord.settings.between', { min: 1, max: 365 }),
            defaultValue: String(settings.escalationDays),
          },
          {
            name: 'reportingPeriodDays',
            label: t('coord.settings.reportingPeriodDays'),
            dir: 'ltr',
            maxLength: 3,
            hint: t('coord.settings.between', { min: 7, max: 366 }),
            defaultValue: String(settings.reportingPeriodDays),
          },
          {
            name: 'timeZone',
            label: t('coord.settings.timeZone'),
            dir: 'ltr',
            maxLength: 64,
            hint: t('coord.settings.timeZoneHint'),
            defaultValue: settings.timeZone,
          },
        ]}
      />
    </section>
  );
}
