import { ActionForm } from '../../../../../components/citizen/action-form';
import { createAccount } from '../../../../../components/coord/account-admin-actions';
import { accessFields } from '../../../../../components/coord/scope-fields';
import { CsrfField } from '../../../../../session/csrf-field';
import { titled } from '../../../../../components/page-props';
import { openStaffPage } from '../../../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../../../components/coord/staff-page';
import { LOCALES, LOCALE_NAMES } from '../../../../../i18n/locales';

export const generateMetadata = titled('admin.accounts.new');

/** A new account: name, e-mail, a first password, language, role and scope (programmes, institutions). */
export default async function NewAccountPage(props: StaffPageProps) {
  const opened = await openStaffPage(props, '/admin/accounts/new', ['admin']);
  if (opened.view) return opened.view;
  const { locale, t } = opened;
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
            options: LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
          },
          ...(await accessFields(locale, t)),
        ]}
      />
    </section>
  );
}
