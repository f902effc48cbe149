import { staffAccount } from '../../../../components/pm/pm-access';
import { CommitteeNav, SpaceRefused } from '../../../../components/pm/space-views';
import { LOCALE_NAMES } from '../../../../i18n/locales';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { titled } from '../../../../components/page-props';
import { PreferenceForms, readPreferences } from '../../../../components/citizen/preference-forms';

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
  const preferences = await readPreferences(locale);
  return (
    <>
      <h1>{t('committee.title')}</h1>
      <CommitteeNav locale={locale} t={t} current="/preferences" />
      <section className="page-section narrow-wide" aria-labelledby="preferences">
        <h2 id="preferences">{t('committee.preferences.title')}</h2>
        <p>{t('committee.preferences.intro')}</p>
        <PreferenceForms locale={locale} t={t} types={COMMITTEE_TYPES} preferences={preferences} />
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
