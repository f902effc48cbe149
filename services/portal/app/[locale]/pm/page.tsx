import { LiveProgress } from '../../../components/live-progress';
import { Localized } from '../../../components/localized';
import { Pagination } from '../../../components/pagination';
import { staffAccount } from '../../../components/pm/pm-access';
import { BlockerView, daysSince, daysUntil } from '../../../components/pm/pm-views';
import { SpaceRefused } from '../../../components/pm/space-views';
import { gateway } from '../../../gateway/gateway-client';
import { pageNumber } from '../../../gateway/read-or-missing';
import { COMPLETION_LEVELS } from '../../../gateway/views';
import type { CommitmentSummary, CommitmentView, InstitutionView, Page } from '../../../gateway/views';
import { LocalizedText, pick } from '../../../i18n/localized-text';
import { localeTools } from '../../../i18n/request-locale';
import { MessageKey } from '../../../i18n/translator';
import { pageCount } from '../../../components/filters';
import { titled } from '../../../components/page-props';
import { CommitmentCardBody } from '../../../components/commitment-card';

export const generateMetadata = titled('pm.dashboard.title');

const PAGE_SIZE = 20;
/** An activity ending within this many days is "due soon" among the next actions. */
const SOON_DAYS = 30;

interface NextAction {
  urgency: number;
  number: number;
  key: string;
  href: string;
  text: string;
  title: LocalizedText;
  kind: 'overdue' | 'late' | 'answered' | 'open' | 'soon';
}

/**
 * The project manager's dashboard: their institution's commitments (progress, completion level,
 * overdue activities, days since the last report, open blockers) and what to do next, the most
 * urgent first. The gateway answers only within the manager's scope; this page asks for it only.
 */
export default async function PmDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { account, allowed } = await staffAccount(locale, '/pm', ['project_manager']);
  if (!allowed) return <SpaceRefused locale={locale} t={t} title="pm.dashboard.title" body="pm.notProjectManager" />;
  const search = await searchParams;
  const page = pageNumber(typeof search.page === 'string' ? search.page : undefined);
  const api = await gateway.user(locale);
  const institutionIds = account.scopes.institutions.slice(0, 10);
  const [institutions, lists, blockers] = await Promise.all([
    api.get<Page<InstitutionView>>('/institutions', { query: { limit: 100 } }),
    Promise.all(
      institutionIds.map((institutionId) =>
        api.get<Page<CommitmentSummary>>('/commitments', { query: { institutionId, limit: 100 } }),
      ),
    ),
    api.get<Page<BlockerView>>('/blockers', { query: { limit: 100 } }),
  ]);
  const all = lists.flatMap((l) => l.items).sort((a, b) => a.number - b.number);
  const mine = new Set(all.map((c) => c.id));
  const pages = pageCount(all.length, PAGE_SIZE);
  const shown = all.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const details = await Promise.all(
    shown.map((c) => api.get<CommitmentView>('/commitments/{id}', { path: { id: c.id } })),
  );
  const myBlockers = blockers.items.filter((b) => mine.has(b.commitmentId) && b.status !== 'closed');
  const institutionName = new Map(institutions.items.map((i) => [i.id, i.name]));
  const now = Date.now();
  const levelLabels = Object.fromEntries(
    COMPLETION_LEVELS.map((level) => [level, t(`level.${level}` as MessageKey)]),
  ) as Record<(typeof COMPLETION_LEVELS)[number], string>;
  // The programme's reporting period, as the commitments service states it with the `late` flag.
  const periodOf = (c: CommitmentSummary) =>
    (c as CommitmentSummary & { reportingPeriodDays?: number }).reportingPeriodDays;

  const actions: NextAction[] = [];
  for (const c of details) {
    const href = `/${locale}/pm/commitments/${c.id}`;
    for (const a of c.activities) {
      if (a.status === 'completed' || a.status === 'cancelled') continue;
      const left = daysUntil(a.endDate, now);
      if (a.overdue)
        actions.push({
          urgency: 3000 + -left,
          number: c.number,
          key: `o${a.id}`,
          href: `${href}?activity=${a.id}#report`,
          title: a.title,
          kind: 'overdue',
          text: t('pm.next.overdue', { days: -left, date: f.date(a.endDate) }),
        });
      else if (left >= 0 && left <= SOON_DAYS)
        actions.push({
          urgency: 1000 - left,
          number: c.number,
          key: `s${a.id}`,
          href: `${href}?activity=${a.id}#report`,
          title: a.title,
          kind: 'soon',
          text: t('pm.next.soon', { days: left, date: f.date(a.endDate) }),
        });
    }
    if (c.late) {
      const since = daysSince(c.lastReportAt ?? c.startDate, now);
      const period = periodOf(c);
      actions.push({
        urgency: 2000 + since,
        number: c.number,
        key: `l${c.id}`,
        href: `${href}#report`,
        title: c.title,
        kind: 'late',
        text: period ? t('pm.next.lateOf', { days: since, period }) : t('pm.next.late', { days: since }),
      });
    }
  }
  const titleOf = new Map(all.map((c) => [c.id, c.title]));
  const numberOf = new Map(all.map((c) => [c.id, c.number]));
  for (const b of myBlockers) {
    const href = `/${locale}/pm/commitments/${b.commitmentId}#blockers`;
    if (b.status === 'answered')
      actions.push({
        urgency: 2500,
        number: numberOf.get(b.commitmentId) ?? 0,
        key: `b${b.id}`,
        href,
        title: titleOf.get(b.commitmentId),
        kind: 'answered',
        text: t('pm.next.answered', { title: b.title }),
      });
  }
  actions.sort((a, b) => b.urgency - a.urgency);

  return (
    <>
      <section className="page-section" aria-labelledby="pm-title">
        <h1 id="pm-title">{t('pm.dashboard.title')}</h1>
        <p className="lead">
          {t('pm.dashboard.intro', {
            institutions:
              f.list(institutionIds.map((id) => pick(institutionName.get(id), locale)).filter(Boolean)) || '—',
          })}
        </p>
        <ul className="key-figures" aria-label={t('pm.dashboard.figures')}>
          <li>{t('common.commitments', { count: all.length })}</li>
          <li>{t('common.overdueActivities', { count: all.reduce((s, c) => s + c.overdueActivities, 0) })}</li>
          <li>{t('pm.dashboard.lateCount', { count: all.filter((c) => c.late).length })}</li>
          <li>{t('pm.dashboard.openBlockers', { count: myBlockers.length })}</li>
        </ul>
      </section>

      <section className="page-section" aria-labelledby="next-title">
        <h2 id="next-title">{t('pm.next.title')}</h2>
        {actions.length === 0 ? <p>{t('pm.next.none')}</p> : null}
        <ol className="plain next-actions">
          {actions.slice(0, 20).map((a) => (
            <li key={a.key} className={`card next-${a.kind}`}>
              <span className={a.kind === 'overdue' || a.kind === 'late' ? 'badge badge-warning' : 'badge'}>
                {t(`pm.next.kind.${a.kind}` as MessageKey)}
              </span>{' '}
              <a href={a.href}>
                <span className="number">{t('plan.number', { number: a.number })}</span> ·{' '}
                <Localized text={a.title} locale={locale} />
              </a>
              <span className="muted"> — {a.text}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="page-section" aria-labelledby="my-commitments">
        <h2 id="my-commitments">{t('pm.dashboard.commitments')}</h2>
        {all.length === 0 ? <p>{t('pm.dashboard.none')}</p> : null}
        <ol className="commitment-list">
          {details.map((c) => {
            const since = c.lastReportAt ? daysSince(c.lastReportAt, now) : null;
            const open = myBlockers.filter((b) => b.commitmentId === c.id).length;
            return (
              <li key={c.id} className="card" data-commitment={c.id}>
                <CommitmentCardBody
                  commitment={c}
                  href={`/${locale}/pm/commitments/${c.id}`}
                  before={<span>{pick(institutionName.get(c.leadInstitutionId), locale)}</span>}
                  after={open ? <span className="badge">{t('pm.dashboard.openBlockers', { count: open })}</span> : null}
                  locale={locale}
                  t={t}
                  f={f}
                />
                <p className="muted">
                  {since === null
                    ? t('pm.dashboard.neverReported')
                    : t('pm.dashboard.lastReport', { days: since, date: f.date(c.lastReportAt!) })}
                  {periodOf(c) ? ` · ${t('pm.dashboard.period', { days: periodOf(c)! })}` : ''}
                </p>
              </li>
            );
          })}
        </ol>
        <Pagination
          basePath={`/${locale}/pm`}
          params={{}}
          page={Math.min(page, pages)}
          pages={pages}
          t={t}
          anchor="my-commitments"
        />
        {/* A report made elsewhere redraws these bars and badges within seconds (the plan's live stream); without JavaScript the page stays as rendered. */}
        {[...new Set(details.map((c) => c.planId))].slice(0, 3).map((planId) => (
          <LiveProgress
            key={planId}
            planId={planId}
            locale={locale}
            announcement={t('pm.dashboard.liveUpdated', { progress: '{progress}' })}
            levelLabels={levelLabels}
          />
        ))}
      </section>
    </>
  );
}
