import { AUDIT_ACTIONS, AccountView, AuditEntry } from '../../../../components/coord/admin-views';
import { Pagination } from '../../../../components/pagination';
import { pageNumber, uuidOrUndefined } from '../../../../gateway/read-or-missing';
import type { Page } from '../../../../gateway/views';
import { MessageKey } from '../../../../i18n/translator';
import { pageCount, pageWindow, SelectFilter, FilterForm, DataTable } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { openStaffPage } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

const PAGE_SIZE = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const generateMetadata = titled('admin.audit.title');

type Snapshot = Partial<AccountView> | null;

/** What changed between two snapshots of an account, field by field (roles, scopes, state, name, language). */
function changes(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  if (!before || !after) return [];
  return ['displayName', 'roles', 'scopes', 'active', 'language']
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, from: show(a[k]), to: show(b[k]) }));
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join('; ');
  return value === undefined || value === null ? '—' : String(value);
}

/**
 * The audit trail: who changed or read which account, when, newest first; filtered by action,
 * who acted, which account and a period (all in the URL), 25 a page.
 */
export default async function AuditTrailPage(props: PageProps) {
  const opened = await openStaffPage(props, '/admin/audit-trail', ['admin']);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const one = (k: string) => (typeof search[k] === 'string' ? (search[k] as string).trim() : undefined);
  const filters = {
    action: AUDIT_ACTIONS.find((a) => a === one('action')),
    actorId: uuidOrUndefined(one('actorId')),
    userId: uuidOrUndefined(one('userId')),
    from: DATE.test(one('from') ?? '') ? one('from') : undefined,
    to: DATE.test(one('to') ?? '') ? one('to') : undefined,
  };
  const page = pageNumber(one('page'));
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400000).toISOString();
  const [trail, admins, coordinators] = await Promise.all([
    api.get<Page<AuditEntry>>('/admin/audit-trail', {
      query: {
        action: filters.action,
        actorId: filters.actorId,
        userId: filters.userId,
        from: filters.from ? `${filters.from}T00:00:00Z` : undefined,
        to: filters.to ? nextDay(filters.to) : undefined,
        ...pageWindow(page, PAGE_SIZE),
      },
    }),
    api.get<Page<AccountView>>('/accounts', { query: { role: 'admin', limit: 100 } }),
    api.get<Page<AccountView>>('/accounts', { query: { role: 'coordinator', limit: 100 } }),
  ]);
  // Names of the staff who act; an account acted on is named by its own snapshot in the entry.
  const staff = new Map([...admins.items, ...coordinators.items].map((a) => [a.id, a.displayName]));
  const pages = pageCount(trail.total, PAGE_SIZE);
  const base = `/${locale}/admin/audit-trail`;
  const accountLink = (id: string | null, name: string | undefined) =>
    id ? (
      <a href={`/${locale}/admin/accounts/${id}`} dir="auto">
        {name ?? id.slice(0, 8)}
      </a>
    ) : (
      '—'
    );
  return (
    <section className="page-section" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('admin.audit.title')}</h1>
      <p className="lead">{t('admin.audit.intro')}</p>
      <FilterForm action={base} label={t('admin.audit.filters')} reset={base} t={t}>
        <SelectFilter
          id="action"
          name="action"
          label={t('admin.audit.action')}
          value={filters.action}
          options={AUDIT_ACTIONS.map((a) => ({
            value: a,
            label: t(`admin.audit.actions.${a.replace('.', '_')}` as MessageKey),
          }))}
          t={t}
        />
        <SelectFilter
          id="actorId"
          name="actorId"
          label={t('admin.audit.actor')}
          value={filters.actorId}
          options={[...staff.entries()].map(([id, name]) => ({ value: id, label: name }))}
          t={t}
        />
        <div className="field">
          <label htmlFor="f-userId">{t('admin.audit.account')}</label>
          <input
            id="f-userId"
            name="userId"
            dir="ltr"
            defaultValue={filters.userId ?? ''}
            maxLength={36}
            aria-describedby="f-userId-hint"
          />
          <p className="field-hint muted" id="f-userId-hint">
            {t('admin.audit.accountHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="f-from">{t('admin.audit.from')}</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t('admin.audit.to')}</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
      </FilterForm>
      <p className="muted" role="status">
        {t('common.results', { count: trail.total })}
      </p>
      <DataTable
        id="audit-trail"
        label={t('admin.audit.title')}
        caption
        columns={[
          t('admin.audit.when'),
          t('admin.audit.actor'),
          t('admin.audit.action'),
          t('admin.audit.account'),
          t('admin.audit.what'),
        ]}
      >
        {trail.items.map((e) => {
          const snapshot = (e.after ?? e.before) as Snapshot;
          const diff = changes(e.before, e.after);
          const listed = (e.details as { accountIds?: string[] } | null)?.accountIds;
          return (
            <tr key={e.id} data-action={e.action}>
              <td>
                <time dateTime={e.at}>{f.dateTime(e.at)}</time>
              </td>
              <td>
                {accountLink(
                  e.actorId,
                  e.actorId
                    ? (staff.get(e.actorId) ?? (e.actorId === e.userId ? snapshot?.displayName : undefined))
                    : undefined,
                )}
              </td>
              <th scope="row">{t(`admin.audit.actions.${e.action.replace('.', '_')}` as MessageKey)}</th>
              <td>{accountLink(e.userId, snapshot?.displayName)}</td>
              <td>
                {diff.length ? (
                  <ul className="plain">
                    {diff.map((c) => (
                      <li key={c.field}>
                        <span className="muted">{t(`admin.audit.fields.${c.field}` as MessageKey)}</span>{' '}
                        <bdi dir="ltr">
                          {c.from} → {c.to}
                        </bdi>
                      </li>
                    ))}
                  </ul>
                ) : listed ? (
                  t('admin.audit.listed', { count: listed.length })
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pagination
        basePath={base}
        params={{
          action: filters.action,
          actorId: filters.actorId,
          userId: filters.userId,
          from: filters.from,
          to: filters.to,
        }}
        page={page}
        pages={pages}
        t={t}
      />
    </section>
  );
}
