import type { Metadata } from 'next';
import { ActionForm } from '../../../../../components/citizen/action-form';
import { createAccount } from '../../../../../components/coord/account-admin-actions';
import { accessFields } from '../../../../../components/coord/scope-fields';
import { NotAllowed, staffAccount } from '../../../../../components/coord/staff-access';
import { localeTools } from '../../../../../i18n/request-locale';
import { CsrfField } from '../../../../../session/csrf-field';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: t('admin.accounts.new') };
}

/** A new account: name, e-mail, a first password, language, role and scope (programmes, institutions). */
export default async function NewAccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeTools(params);
  if (!(await staffAccount(locale, '/admin/accounts/new', ['admin']))) return <NotAllowed locale={locale} t={t} />;
  return (
    <section className="page-section narrow-wide" aria-labelledby="new-account-title">
      <h1 id="new-account-title">{t('admin.accounts.new')}</h1>
      <p className="lead">{t('admin.accounts.newIntro')}</p>
      <ActionForm
        id="account"
        action={createAccount}
        csrf={<CsrfField />}
        hidden={{ locale }}
        submit={t('admin.accounts.create')}
        fields={[
          { name: 'displayName', label: t('admin.account.name'), dir: 'auto', required: true, maxLength: 120 },
          {
            name: 'email',
            label: t('admin.account.email'),
            type: 'email',
            dir: 'ltr',
            required: true,
            autoComplete: 'off',
            maxLength: 254,
          },
          {
            name: 'password',
            label: t('admin.account.firstPassword'),
            type: 'password',
            dir: 'ltr',
            required: true,
            autoComplete: 'new-password',
            hint: t('citizen.password.hint'),
          },
          {
            name: 'language',
            label: t('admin.account.language'),
            type: 'select',
            defaultValue: locale,
            options: [
              { value: 'ar', label: 'العربية' },
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ],
          },
          ...(await accessFields(locale, t)),
        ]}
      />
    </section>
  );
}
