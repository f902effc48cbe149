import type { Metadata } from 'next';
import { BarList } from '../../../../components/bar-list';
import { CalendarLink } from '../../../../components/feeds/calendar-link';
import { feedPaths } from '../../../../components/feeds/feed-paths';
import { Breadcrumb } from '../../../../components/breadcrumb';
import { LiveProgress } from '../../../../components/live-progress';
import { Localized } from '../../../../components/localized';
import { NotFoundView } from '../../../../components/not-found-view';
import { Pagination } from '../../../../components/pagination';
import { ProgressBar } from '../../../../components/progress-bar';
import { gateway } from '../../../../gateway/gateway-client';
import { isUuid, pageNumber, readOrMissing, uuidOrUndefined } from '../../../../gateway/read-or-missing';
import {
  COMPLETION_LEVELS,
  CommitmentSummary,
  InstitutionView,
  Page,
  PlanDashboard,
  PlanView,
} from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { pageCount, pageWindow, FilterForm } from '../../../../components/filters';
import { CommitmentCardBody } from '../../../../components/commitment-card';
import { PlanFilterFields, planCommitmentsQuery } from '../../../../components/plan-filter-fields';

const PAGE_SIZE = 10;
type Params = Promise<{ locale: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await localeTools(params);
  const { id } = await params;
  const plan = isUuid(id)
    ? await readOrMissing((await gateway.public(locale)).get<PlanView>('/plans/{id}', { path: { id } }))
    : null;
  return { title: plan ? pick(plan.title, locale) : undefined };
}

/** A plan: progress overall, by area, institution and completion level; its commitments, filtered by the URL. */
export default async function PlanPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, t, f } = await localeTools(params);
  const { id } = await params;
  const search = await searchParams;
  const one = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  const filters = {
    areaId: uuidOrUndefined(one('areaId')),
    institutionId: uuidOrUndefined(one('institutionId')),
    level: COMPLETION_LEVELS.find((l) => l === one('level')),
    overdue: one('overdue') === '1' ? '1' : undefined,
    q: one('q')?.trim().slice(0, 200) || undefined,
  };
  const page = pageNumber(one('page'));
  if (!isUuid(id)) return <NotFoundView locale={locale} t={t} />;
  const api = await gateway.public(locale);
  const [plan, dashboard, institutions, commitments] = await Promise.all([
    readOrMissing(api.get<PlanView>('/plans/{id}', { path: { id } })),
    readOrMissing(api.get<PlanDashboard>('/plans/{id}/dashboard', { path: { id } })),
    api.get<Page<InstitutionView>>('/institutions', { query: { limit: 100 } }),
    readOrMissing(
      api.get<Page<CommitmentSummary>>('/commitments', {
        query: {
          ...planCommitmentsQuery(id, filters),
          status: filters.overdue ? 'overdue' : undefined,
          q: filters.q,
          ...pageWindow(page, PAGE_SIZE),
        },
      }),
    ),
  ]);
  if (!plan || !dashboard || !commitments) return <NotFoundView locale={locale} t={t} />;
  const institutionName = new Map(institutions.items.map((i) => [i.id, i.name]));
  const areaOf = new Map(plan.areas.map((a) => [a.id, a]));
  const pages = pageCount(commitments.total, PAGE_SIZE);
  const total = dashboard.commitments.total || 1;
  const base = `/${locale}/plans/${id}`;
  const filterParams = {
    areaId: filters.areaId,
    institutionId: filters.institutionId,
    level: filters.level,
    overdue: filters.overdue,
    q: filters.q,
  };

  return (
    <>
      <Breadcrumb t={t} items={[{ label: t('nav.home'), href: `/${locale}` }, { label: pick(plan.title, locale) }]} />
      <h1>
        <Localized text={plan.title} locale={locale} />
      </h1>
      <dl className="facts">
        <dt>{t('plan.period')}</dt>
        <dd>{t('common.dates', { start: f.date(plan.startDate), end: f.date(plan.endDate) })}</dd>
        <dt>{t('plan.status')}</dt>
        <dd>{t(`planStatus.${plan.status}` as MessageKey)}</dd>
      </dl>
      <CalendarLink href={feedPaths.planCalendar(plan.id, locale)} hint={t('feeds.calendar.planHint')} t={t} />

      <section className="page-section" aria-labelledby="overall-title">
        <h2 id="overall-title">{t('plan.overall')}</h2>
        <ProgressBar value={plan.progress} label={t('plan.overall')} locale={locale} f={f} live={`plan:${plan.id}`} />
        <p className="muted">
          {t('plan.summary', {
            commitments: t('common.commitments', { count: dashboard.commitments.total }),
            activities: dashboard.activities.total,
            overdue: f.number(dashboard.activities.overdue),
          })}
        </p>
        <div className="charts">
          <BarList
            locale={locale}
            caption={t('plan.byArea')}
            bars={dashboard.byArea.map((a) => ({
              key: a.areaId,
              label: pick(a.title, locale),
              value: a.progress,
              figure: f.percent(a.progress),
              href: `${base}?areaId=${a.areaId}#commitments`,
              live: `area:${a.areaId}`,
            }))}
          />
          <BarList
            locale={locale}
            caption={t('plan.byInstitution')}
            bars={dashboard.byInstitution.map((i) => ({
              key: i.institutionId,
              label: pick(i.name, locale),
              value: i.progress,
              figure: f.percent(i.progress),
              href: `${base}?institutionId=${i.institutionId}#commitments`,
              live: `institution:${i.institutionId}`,
            }))}
          />
          <BarList
            locale={locale}
            caption={t('plan.byLevel')}
            bars={COMPLETION_LEVELS.map((level) => ({
              key: level,
              label: t(`level.${level}` as MessageKey),
              value: ((dashboard.byCompletionLevel[level] ?? 0) / total) * 100,
              figure: t('common.commitments', { count: dashboard.byCompletionLevel[level] ?? 0 }),
              href: `${base}?level=${level}#commitments`,
              live: `level:${level}`,
            }))}
          />
        </div>
        <LiveProgress
          planId={plan.id}
          locale={locale}
          announcement={t('live.planUpdated', { progress: '{progress}' })}
          levelLabels={
            Object.fromEntries(COMPLETION_LEVELS.map((level) => [level, t(`level.${level}` as MessageKey)])) as Record<
              (typeof COMPLETION_LEVELS)[number],
              string
            >
          }
          countLabels={Array.from({ length: Math.min(dashboard.commitments.total, 500) + 1 }, (_, count) =>
            t('common.commitments', { count }),
          )}
        />
      </section>

      <section className="page-section" aria-labelledby="commitments">
        <h2 id="commitments" tabIndex={-1}>
          {t('plan.commitments')}
        </h2>
        <FilterForm action={`${base}#commitments`} search reset={`${base}#commitments`} t={t}>
          <div className="field">
            <label htmlFor="f-q">{t('plan.search')}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ''}
              maxLength={200}
              aria-describedby="f-q-hint"
            />
            <span id="f-q-hint" className="muted small">
              {t('plan.searchHint')}
            </span>
          </div>
          <PlanFilterFields
            areas={plan.areas}
            institutions={dashboard.byInstitution.map((i) => ({ id: i.institutionId, name: i.name }))}
            filters={filters}
            labels={{ area: t('plan.area'), institution: t('plan.institution'), level: t('plan.level') }}
            locale={locale}
            t={t}
          />
          <div className="field field-check">
            <input id="f-overdue" name="overdue" type="checkbox" value="1" defaultChecked={filters.overdue === '1'} />
            <label htmlFor="f-overdue">{t('plan.onlyOverdue')}</label>
          </div>
        </FilterForm>
        <p role="status" className="muted">
          {t('common.results', { count: commitments.total })}
        </p>
        {commitments.items.length === 0 ? <p>{t('plan.noCommitments')}</p> : null}
        <ol className="commitment-list">
          {commitments.items.map((c) => (
            <li key={c.id} className="card">
              <CommitmentCardBody
                commitment={c}
                href={`/${locale}/commitments/${c.id}`}
                before={
                  <>
                    <span>{pick(areaOf.get(c.areaId)?.title, locale)}</span>
                    <span>{pick(institutionName.get(c.leadInstitutionId), locale)}</span>
                  </>
                }
                locale={locale}
                t={t}
                f={f}
              />
            </li>
          ))}
        </ol>
        <Pagination
          basePath={base}
          params={filterParams}
          page={Math.min(page, pages)}
          pages={pages}
          t={t}
          anchor="commitments"
        />
      </section>
    </>
  );
}
