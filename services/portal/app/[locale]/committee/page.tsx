import { Localized } from '../../../components/localized';
import { Pagination } from '../../../components/pagination';
import { staffAccount } from '../../../components/pm/pm-access';
import { ALERT_KINDS, AlertView } from '../../../components/pm/pm-views';
import { CommitteeNav, SpaceRefused } from '../../../components/pm/space-views';
import { gateway } from '../../../gateway/gateway-client';
import { pageNumber, uuidOrUndefined } from '../../../gateway/read-or-missing';
import type { Page, ProgrammeView } from '../../../gateway/views';
import type { LocalizedText } from '../../../i18n/localized-text';
import { pick } from '../../../i18n/localized-text';
import { localeTools } from '../../../i18n/request-locale';
import { MessageKey } from '../../../i18n/translator';
import { pageCount, pageWindow, SelectFilter, FilterForm } from '../../../components/filters';
import { titled } from '../../../components/page-props';

export const generateMetadata = titled('committee.alerts.title');

const PAGE_SIZE = 20;
type Alert = AlertView & { commitmentTitle?: LocalizedText; activityTitle?: LocalizedText };

/** The alerts of the member's programmes (overdue, escalations, late reporting…), newest first, filtered in the URL, each leading to its item. */
export default async function CommitteeAlertsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { account, allowed } = await staffAccount(locale, '/committee', ['committee_member', 'coordinator', 'admin']);
  if (!allowed) return <SpaceRefused locale={locale} t={t} title="committee.title" body="committee.notMember" />;
  const search = await searchParams;
  const one = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  const staff = account.roles.some((r) => r === 'coordinator' || r === 'admin');
  const programmeId = uuidOrUndefined(one('programmeId'));
  const filters = {
    kind: ALERT_KINDS.find((k) => k === one('kind')),
    programmeId: programmeId && (staff || account.scopes.programmes.includes(programmeId)) ? programmeId : undefined,
  };
  const page = pageNumber(one('page'));
  const api = await gateway.user(locale);
  const [alerts, programmes] = await Promise.all([
    api.get<Page<Alert>>('/alerts', {
      query: { kind: filters.kind, programmeId: filters.programmeId, ...pageWindow(page, PAGE_SIZE) },
    }),
    api.get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } }),
  ]);
  const mine = programmes.items.filter((p) => staff || account.scopes.programmes.includes(p.id));
  const programmeName = new Map(programmes.items.map((p) => [p.id, p.name]));
  const pages = pageCount(alerts.total, PAGE_SIZE);
  const base = `/${locale}/committee`;
  const link = (a: Alert): string | null => {
    if (a.kind === 'periodic_report') return `${base}/reports`;
    if (a.kind === 'meeting_reminder') return `${base}/reports#meeting`;
    return a.commitmentId ? `/${locale}/commitments/${a.commitmentId}` : null;
  };

  return (
    <>
      <h1>{t('committee.title')}</h1>
      <CommitteeNav locale={locale} t={t} current="" />
      <section className="page-section" aria-labelledby="alerts">
        <h2 id="alerts" tabIndex={-1}>
          {t('committee.alerts.title')}
        </h2>
        <FilterForm action={`${base}#alerts`} label={t('committee.alerts.filters')} reset={`${base}#alerts`} t={t}>
          <SelectFilter
            id="kind"
            name="kind"
            label={t('committee.alerts.kind')}
            value={filters.kind}
            options={ALERT_KINDS.map((k) => ({ value: k, label: t(`committee.alertKind.${k}` as MessageKey) }))}
            t={t}
          />
          {mine.length > 1 ? (
            <SelectFilter
              id="programme"
              name="programmeId"
              label={t('committee.alerts.programme')}
              value={filters.programmeId}
              options={mine.map((p) => ({ value: p.id, label: pick(p.name, locale) }))}
              t={t}
            />
          ) : null}
        </FilterForm>
        <p role="status" className="muted">
          {t('common.results', { count: alerts.total })}
        </p>
        {alerts.items.length === 0 ? <p>{t('committee.alerts.none')}</p> : null}
        <ol className="plain section-list alert-list">
          {alerts.items.map((a) => {
            const href = link(a);
            const urgent = a.kind.endsWith('escalation') || a.kind === 'overdue' || a.kind === 'commitment_overdue';
            return (
              <li key={a.id} className="card" data-kind={a.kind}>
                <p className="meta">
                  <span className={urgent ? 'badge badge-warning' : 'badge'}>
                    {t(`committee.alertKind.${a.kind}` as MessageKey)}
                  </span>
                  <span>{pick(programmeName.get(a.programmeId), locale)}</span>
                  <span className="muted">
                    <time dateTime={a.raisedAt}>{f.dateTime(a.raisedAt)}</time>
                  </span>
                </p>
                <p>
                  {href ? (
                    <a href={href}>
                      {a.commitmentTitle ? (
                        <Localized text={a.commitmentTitle} locale={locale} />
                      ) : (
                        t(`committee.alertKind.${a.kind}` as MessageKey)
                      )}
                    </a>
                  ) : null}
                  {a.activityTitle ? (
                    <span>
                      {' — '}
                      {t('committee.alerts.activity')} <Localized text={a.activityTitle} locale={locale} />
                    </span>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ol>
        <Pagination basePath={base} params={filters} page={Math.min(page, pages)} pages={pages} t={t} anchor="alerts" />
      </section>
    </>
  );
}
