import { redirect } from 'next/navigation';
import { register } from '../../../../components/citizen/account-actions';
import { ActionForm } from '../../../../components/citizen/action-form';
import { localeTools } from '../../../../i18n/request-locale';
import { currentAccount } from '../../../../session/current-account';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';
import { emailField, newPasswordField } from '../../../../components/citizen/form-field';

export const generateMetadata = titled('citizen.register.title');

/** Opening an account as a citizen or a civil-society organisation. */
export default async function RegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeTools(params);
  if (await currentAccount()) redirect(`/${locale}/me`);
  return (
    <section className="page-section narrow">
      <h1>{t('citizen.register.title')}</h1>
      <p>{t('citizen.register.intro')}</p>
      <ActionForm
        id="register"
        action={register}
        csrf={<CsrfField />}
        hidden={{ locale }}
        submit={t('citizen.register.submit')}
        fields={[
          {
            name: 'displayName',
            label: t('citizen.register.name'),
            autoComplete: 'name',
            dir: 'auto',
            required: true,
            maxLength: 120,
          },
          emailField(t('auth.email')),
          newPasswordField('password', t('auth.password'), t('citizen.password.hint')),
          {
            name: 'role',
            label: t('citizen.register.as'),
            type: 'radio',
            defaultValue: 'citizen',
            options: [
              { value: 'citizen', label: t('role.citizen') },
              { value: 'cso', label: t('role.cso') },
            ],
          },
        ]}
      />
      <p>
        {t('citizen.register.haveAccount')} <a href={`/${locale}/login`}>{t('auth.login')}</a>
      </p>
    </section>
  );
}
