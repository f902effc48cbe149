import { confirmPasswordReset } from '../../../../components/citizen/account-actions';
import { ActionForm } from '../../../../components/citizen/action-form';
import { localeTools } from '../../../../i18n/request-locale';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';
import { newPasswordField } from '../../../../components/citizen/form-field';

export const generateMetadata = titled('citizen.reset.confirmTitle');

/** The page of the e-mailed link: a new password for the token in the address. */
export default async function ResetPasswordPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { locale, t } = await localeTools(params);
  const token = String((await searchParams).token ?? '').slice(0, 200);
  return (
    <section className="page-section narrow">
      <h1>{t('citizen.reset.confirmTitle')}</h1>
      {/^[A-Za-z0-9_-]{20,128}$/.test(token) ? (
        <ActionForm
          id="reset"
          action={confirmPasswordReset}
          csrf={<CsrfField />}
          hidden={{ locale, token }}
          submit={t('citizen.reset.confirmSubmit')}
          fields={[newPasswordField('password', t('citizen.reset.newPassword'), t('citizen.password.hint'))]}
        />
      ) : (
        <p className="form-error" role="alert">
          {t('citizen.reset.linkInvalid')}
        </p>
      )}
      <p>
        <a href={`/${locale}/forgot-password`}>{t('citizen.reset.requestAgain')}</a>
      </p>
    </section>
  );
}
