import type { Metadata } from 'next';
import { ACCOUNT_ROLES, AccountView } from '../../../../components/coord/admin-views';
import { NotAllowed, staffAccount } from '../../../../components/coord/staff-access';
import { Pagination } from '../../../../components/pagination';
import { gateway } from '../../../../gateway/gateway-client';
import { pageNumber } from '../../../../gateway/read-or-missing';
import type { Page } from '../../../../gateway/views';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { pageCount, pageWindow, SelectFilter, FilterForm, DataTable } from '../../../../components/filters';

const PAGE_SIZE = 20;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: t('admin.accounts.title') };
}

/** Every account, 20 a page, filtered by role (in the URL); each links to its page where it is changed. */
export default async function AccountsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const search = await searchParams;
  const role = ACCOUNT_ROLES.find((r) => r === search.role);
  const page = pageNumber(search.page);
  if (!(await staffAccount(locale, '/admin/accounts', ['admin']))) return <NotAllowed locale={locale} t={t} />;
  const accounts = await (
    await gateway.user(locale)
  ).get<Page<AccountView>>('/accounts', { query: { role, ...pageWindow(page, PAGE_SIZE) } });
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
