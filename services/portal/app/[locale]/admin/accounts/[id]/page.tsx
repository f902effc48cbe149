import { ActionForm } from '../../../../../components/citizen/action-form';
import { changeAccountAccess, setAccountActive } from '../../../../../components/coord/account-admin-actions';
import type { AccountView } from '../../../../../components/coord/admin-views';
import { accessFields } from '../../../../../components/coord/scope-fields';
import { MessageKey } from '../../../../../i18n/translator';
import { CsrfField } from '../../../../../session/csrf-field';
import { openStaffRecord, StaffPageProps } from '../../../../../components/coord/staff-page';
import { titled } from '../../../../../components/page-props';

export const generateMetadata = titled('admin.account.title');

const CHANGES = ['created', 'access', 'deactivate', 'reactivate'] as const;

/** One account: who it is, whether it is active (deactivate or reactivate), its role and scope (changed here), its audit trail. */
export default async function AccountPage(props: StaffPageProps<{ id: string }>) {
  const opened = await openStaffRecord(
    props,
    (id) => `/admin/accounts/${id}`,
    ['admin'],
    (api, id) => api.get<AccountView>('/accounts/{id}', { path: { id } }),
  );
  if (opened.view) return opened.view;
  const { locale, t, f, search, record: account } = opened;
  const changed = search.created === '1' ? 'created' : CHANGES.find((c) => c === search.changed);
  return (
    <section className="page-section narrow-wide" aria-labelledby="account-title">
      <h1 id="account-title" dir="auto">
        {account.displayName}
      </h1>
      {changed ? (
        <p className="form-done" role="status" id="account-changed">
          {t(`admin.account.changed.${changed}` as MessageKey)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('admin.account.email')}</dt>
        <dd dir="ltr">{account.email}</dd>
        <dt>{t('admin.account.role')}</dt>
        <dd>{account.roles.map((r) => t(`admin.role.${r}` as MessageKey)).join(locale === 'ar' ? '، ' : ', ')}</dd>
        <dt>{t('admin.account.state')}</dt>
        <dd id="account-state" className={account.active ? 'state-active' : 'state-inactive'}>
          {account.active ? t('admin.account.active') : t('admin.account.inactive')}
        </dd>
        <dt>{t('admin.account.createdAt')}</dt>
        <dd>
          <time dateTime={account.createdAt}>{f.date(account.createdAt)}</time>
        </dd>
      </dl>
      <p>
        <a href={`/${locale}/admin/audit-trail?userId=${account.id}`}>{t('admin.account.trail')}</a>
      </p>

      <h2>{account.active ? t('admin.account.deactivate') : t('admin.account.reactivate')}</h2>
      <p className="muted">{account.active ? t('admin.account.deactivateHint') : t('admin.account.reactivateHint')}</p>
      <ActionForm
        id="active"
        action={setAccountActive}
        csrf={<CsrfField />}
        hidden={{ locale, accountId: account.id, to: account.active ? 'deactivate' : 'reactivate' }}
        submit={account.active ? t('admin.account.deactivate') : t('admin.account.reactivate')}
        quiet={!account.active}
        fields={[]}
      />

      <h2>{t('admin.account.access')}</h2>
      <p className="muted">{t('admin.account.accessHint')}</p>
      <ActionForm
        id="access"
        action={changeAccountAccess}
        csrf={<CsrfField />}
        hidden={{ locale, accountId: account.id }}
        submit={t('admin.account.saveAccess')}
        fields={await accessFields(locale, t, { role: account.roles[0], scopes: account.scopes })}
      />
    </section>
  );
}
