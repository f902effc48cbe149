import { ACCOUNT_ROLES, AccountView } from '../../../../components/coord/admin-views';
import { Pagination } from '../../../../components/pagination';
import { pageNumber } from '../../../../gateway/read-or-missing';
import type { Page } from '../../../../gateway/views';
import { MessageKey } from '../../../../i18n/translator';
import { pageCount, pageWindow, SelectFilter, FilterForm, DataTable } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { openStaffPage } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

const PAGE_SIZE = 20;

export const generateMetadata = titled('admin.accounts.title');

/** Every account, 20 a page, filtered by role (in the URL); each links to its page where it is changed. */
export default async function AccountsPage(props: PageProps) {
  const opened = await openStaffPage(props, '/admin/accounts', ['admin']);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const role = ACCOUNT_ROLES.find((r) => r === search.role);
  const page = pageNumber(search.page);
  const accounts = await api.get<Page<AccountView>>('/accounts', { query: { role, ...pageWindow(page, PAGE_SIZE) } });
  const pages = pageCount(accounts.total, PAGE_SIZE);
  const base = `/${locale}/admin/accounts`;
  return (
    <section className="page-section" aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t('admin.accounts.title')}</h1>
      <p className="lead">{t('admin.accounts.intro')}</p>
      <p>
        <a className="button" href={`${base}/new`}>
          {t('admin.accounts.new')}
        </a>
      </p>
      <FilterForm action={base} label={t('admin.accounts.filters')} reset={base} t={t}>
        <SelectFilter
          id="role"
          name="role"
          label={t('admin.account.role')}
          value={role}
          options={ACCOUNT_ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}` as MessageKey) }))}
          t={t}
        />
      </FilterForm>
      <p className="muted" role="status">
        {t('common.results', { count: accounts.total })}
      </p>
      <DataTable
        id="accounts"
        label={t('admin.accounts.title')}
        caption
        columns={[
          t('admin.account.name'),
          t('admin.account.email'),
          t('admin.account.role'),
          t('admin.account.state'),
          t('admin.account.createdAt'),
        ]}
      >
        {accounts.items.map((a) => (
          <tr key={a.id} data-email={a.email}>
            <th scope="row">
              <a href={`${base}/${a.id}`} dir="auto">
                {a.displayName}
              </a>
            </th>
            <td dir="ltr">{a.email}</td>
            <td>{a.roles.map((r) => t(`admin.role.${r}` as MessageKey)).join(locale === 'ar' ? '، ' : ', ')}</td>
            <td className={a.active ? 'state-active' : 'state-inactive'}>
              {a.active ? t('admin.account.active') : t('admin.account.inactive')}
            </td>
            <td>
              <time dateTime={a.createdAt}>{f.date(a.createdAt)}</time>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination basePath={base} params={{ role }} page={page} pages={pages} t={t} />
    </section>
  );
}
