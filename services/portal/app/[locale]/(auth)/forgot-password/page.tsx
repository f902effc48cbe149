import { requestPasswordReset } from '../../../../components/citizen/account-actions';
import { ActionForm } from '../../../../components/citizen/action-form';
import { localeTools } from '../../../../i18n/request-locale';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';
import { emailField } from '../../../../components/citizen/form-field';

export const generateMetadata = titled('citizen.reset.requestTitle');

/** Asking for a reset link by e-mail; the page never tells whether the address has an account. */
export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeTools(params);
  return (
    <section className="page-section narrow">
      <h1>{t('citizen.reset.requestTitle')}</h1>
      <p>{t('citizen.reset.requestIntro')}</p>
      <ActionForm
        id="forgot"
        action={requestPasswordReset}
        csrf={<CsrfField />}
        hidden={{ locale }}
        submit={t('citizen.reset.requestSubmit')}
        fields={[emailField(t('auth.email'))]}
      />
      <p>
        <a href={`/${locale}/login`}>{t('auth.login')}</a>
      </p>
    </section>
  );
}
