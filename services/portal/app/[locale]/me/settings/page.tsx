import { changeLanguage, changePassword } from '../../../../components/citizen/account-actions';
import { ActionForm } from '../../../../components/citizen/action-form';
import { PREFERENCE_LABELS } from '../../../../components/citizen/preference-labels.constant';
import { requireAccount } from '../../../../components/citizen/require-account';
import { CalendarFeedSection } from '../../../../components/feeds/calendar-feed-section';
import { LOCALE_NAMES, LOCALES } from '../../../../i18n/locales';
import { localeTools } from '../../../../i18n/request-locale';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';
import { PreferenceForms, readPreferences } from '../../../../components/citizen/preference-forms';
import { newPasswordField } from '../../../../components/citizen/form-field';

export const generateMetadata = titled('citizen.settings.title');

/** The account's language (kept by the gateway and in the cookie), password, and notification preferences. */
export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { locale, t, f } = await localeTools(params);
  const account = await requireAccount(locale, '/me/settings');
  const saved = (await searchParams).saved === 'language';
  const preferences = await readPreferences(locale);
  return (
    <>
      <section className="page-section narrow-wide" aria-labelledby="settings-title">
        <h1 id="settings-title">{t('citizen.settings.title')}</h1>
        <h2 id="language-title">{t('citizen.settings.language')}</h2>
        {saved ? (
          <p className="form-done" role="status">
            {t('citizen.settings.languageSaved')}
          </p>
        ) : null}
        <ActionForm
          id="language"
          action={changeLanguage}
          csrf={<CsrfField />}
          hidden={{ locale }}
          submit={t('citizen.settings.languageSubmit')}
          fields={[
            {
              name: 'language',
              label: t('citizen.settings.language'),
              type: 'select',
              defaultValue: account.language,
              hint: t('citizen.settings.languageHint'),
              options: LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
            },
          ]}
        />
      </section>
      <section className="page-section narrow-wide" aria-labelledby="password-title">
        <h2 id="password-title">{t('citizen.settings.password')}</h2>
        <ActionForm
          id="password"
          action={changePassword}
          csrf={<CsrfField />}
          hidden={{ locale }}
          submit={t('citizen.settings.passwordSubmit')}
          fields={[
            {
              name: 'currentPassword',
              label: t('citizen.settings.currentPassword'),
              type: 'password',
              autoComplete: 'current-password',
              dir: 'ltr',
              required: true,
              maxLength: 200,
            },
            newPasswordField('newPassword', t('citizen.settings.newPassword'), t('citizen.password.hint')),
          ]}
        />
      </section>
      <CalendarFeedSection locale={locale} t={t} f={f} />
      <section id="preferences" className="page-section narrow-wide" aria-labelledby="preferences-title">
        <h2 id="preferences-title">{t('citizen.settings.notifications')}</h2>
        <p>{t('citizen.settings.notificationsIntro')}</p>
        <PreferenceForms locale={locale} t={t} types={PREFERENCE_LABELS} preferences={preferences} />
      </section>
    </>
  );
}
