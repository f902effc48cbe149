import { changeNotificationPreference } from '../../../../components/citizen/account-actions';
import { ActionForm } from '../../../../components/citizen/action-form';
import { staffAccount } from '../../../../components/pm/pm-access';
import { CommitteeNav, SpaceRefused } from '../../../../components/pm/space-views';
import { gateway } from '../../../../gateway/gateway-client';
import { LOCALE_NAMES } from '../../../../i18n/locales';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';

export const generateMetadata = titled('committee.preferences.title');

/** The notifications a committee member receives, each at once or in the daily digest (or not at all). */
const COMMITTEE_TYPES: [string, MessageKey][] = [
  ['commitments.blocker.raised', 'committee.preferences.type.blocker'],
  ['reporting.alert.overdue', 'committee.alertKind.overdue'],
  ['reporting.alert.overdue_escalation', 'committee.alertKind.overdue_escalation'],
  ['reporting.alert.commitment_overdue', 'committee.alertKind.commitment_overdue'],
  ['reporting.alert.late_reporting', 'committee.alertKind.late_reporting'],
  ['reporting.alert.periodic_report', 'committee.alertKind.periodic_report'],
  ['reporting.alert.meeting_reminder', 'committee.alertKind.meeting_reminder'],
];

/** Notification preferences (immediate or daily digest) and the language, which the account's settings page keeps. */
export default async function CommitteePreferencesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeTools(params);
  const { account, allowed } = await staffAccount(locale, '/committee/preferences', [
    'committee_member',
    'coordinator',
    'admin',
  ]);
  if (!allowed) return <SpaceRefused locale={locale} t={t} title="committee.title" body="committee.notMember" />;
  const preferences = await (
    await gateway.user(locale)
  )
    .get<Record<string, string>>('/me/notification-preferences')
    .catch(() => ({}) as Record<string, string>);
  const modes = ['immediate', 'digest', 'off'] as const;
  return (
    <>
      <h1>{t('committee.title')}</h1>
      <CommitteeNav locale={locale} t={t} current="/preferences" />
      <section className="page-section narrow-wide" aria-labelledby="preferences">
        <h2 id="preferences">{t('committee.preferences.title')}</h2>
        <p>{t('committee.preferences.intro')}</p>
        <ul className="section-list">
          {COMMITTEE_TYPES.filter(([type]) => type in preferences).map(([type, label], i) => (
            <li key={type} className="card preference" data-type={type}>
              <ActionForm
                id={`preference-${i}`}
                action={changeNotificationPreference}
                csrf={<CsrfField />}
                hidden={{ locale, type }}
                submit={t('citizen.settings.save')}
                quiet
                fields={[
                  {
                    name: 'mode',
                    label: t(label),
                    type: 'radio',
                    defaultValue: preferences[type],
                    options: modes.map((m) => ({ value: m, label: t(`citizen.settings.mode.${m}`) })),
                  },
                ]}
              />
            </li>
          ))}
        </ul>
      </section>
      <section className="page-section narrow-wide" aria-labelledby="language">
        <h2 id="language">{t('citizen.settings.language')}</h2>
        <p>{t('committee.preferences.language', { language: LOCALE_NAMES[account.language] ?? account.language })}</p>
        <p>
          <a href={`/${locale}/me/settings`}>{t('committee.preferences.changeLanguage')}</a>
        </p>
      </section>
    </>
  );
}
