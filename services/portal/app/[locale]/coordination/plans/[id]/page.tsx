import type { Metadata } from 'next';
import { NotAllowed, staffAccount } from '../../../../../components/coord/staff-access';
import { NotFoundView } from '../../../../../components/not-found-view';
import { Pagination } from '../../../../../components/pagination';
import { gateway } from '../../../../../gateway/gateway-client';
import { isUuid, pageNumber, readOrMissing, uuidOrUndefined } from '../../../../../gateway/read-or-missing';
import { COMPLETION_LEVELS, CommitmentSummary, InstitutionView, Page, PlanView } from '../../../../../gateway/views';
import { pick } from '../../../../../i18n/localized-text';
import { localeTools } from '../../../../../i18n/request-locale';
import { MessageKey } from '../../../../../i18n/translator';
import { pageCount, pageWindow } from '../../../../../components/filters';

const PAGE_SIZE = 25;
type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: t('coord.plans.commitments') };
}

/** A plan's commitments for the coordination team, by area, institution and level (in the URL), 25 a page; each opens its management page. */
export default async function CoordinationPlanPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { id } = await params;
  const search = await searchParams;
  if (!(await staffAccount(locale, `/coordination/plans/${id}`, ['coordinator', 'admin'])))
    return <NotAllowed locale={locale} t={t} />;
  if (!isUuid(id)) return <NotFoundView locale={locale} t={t} />;
  const filters = {
    areaId: uuidOrUndefined(search.areaId),
    institutionId: uuidOrUndefined(search.institutionId),
    level: COMPLETION_LEVELS.find((l) => l === search.level),
  };
  const page = pageNumber(search.page);
  const api = await gateway.user(locale);
  const [plan, institutions, commitments] = await Promise.all([
    readOrMissing(api.get<PlanView>('/plans/{id}', { path: { id } })),
    api.get<Page<InstitutionView>>('/institutions', { query: { limit: 100 } }),
    readOrMissing(
      api.get<Page<CommitmentSummary>>('/commitments', {
        query: {
          planId: id,
          areaId: filters.areaId,
          institutionId: filters.institutionId,
          completionLevel: filters.level,
          ...pageWindow(page, PAGE_SIZE),
        },
      }),
    ),
  ]);
  if (!plan || !commitments) return <NotFoundView locale={locale} t={t} />;
  const institutionName = new Map(institutions.items.map((i) => [i.id, pick(i.name, locale)]));
  const pages = pageCount(commitments.total, PAGE_SIZE);
  const base = `/${locale}/coordination/plans/${id}`;
  return (
    <section className="page-section" aria-labelledby="plan-title">
      <p>
        <a href={`/${locale}/coordination/plans`}>{t('coord.plans.title')}</a>
      </p>
      <h1 id="plan-title">{pick(plan.title, locale)}</h1>
      <form method="get" action={base} className="filters" role="search" aria-label={t('coord.plans.filters')}>
        <div className="field">
          <label htmlFor="f-area">{t('coord.plans.area')}</label>
          <select id="f-area" name="areaId" defaultValue={filters.areaId ?? ''}>
            <option value="">{t('common.all')}</option>
            {plan.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.title, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-institution">{t('coord.plans.institution')}</label>
          <select id="f-institution" name="institutionId" defaultValue={filters.institutionId ?? ''}>
            <option value="">{t('common.all')}</option>
            {institutions.items.map((i) => (
              <option key={i.id} value={i.id}>
                {pick(i.name, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-level">{t('coord.commitment.level')}</label>
          <select id="f-level" name="level" defaultValue={filters.level ?? ''}>
            <option value="">{t('common.all')}</option>
            {COMPLETION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t('common.filter')}
          </button>
          <a className="button button-quiet" href={base}>
            {t('common.reset')}
          </a>
        </div>
      </form>
      <p className="muted" role="status">
        {t('common.commitments', { count: commitments.total })}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('coord.plans.commitments')}>
        <table id="plan-commitments">
          <thead>
            <tr>
              <th scope="col">{t('coord.plans.commitment')}</th>
              <th scope="col">{t('coord.plans.institution')}</th>
              <th scope="col" className="num">
                {t('common.progress')}
              </th>
              <th scope="col">{t('coord.commitment.level')}</th>
            </tr>
          </thead>
          <tbody>
            {commitments.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={`/${locale}/coordination/commitments/${c.id}`} dir="auto">
                    {f.number(c.number)}. {pick(c.title, locale)}
                  </a>
                </th>
                <td>{institutionName.get(c.leadInstitutionId) ?? ''}</td>
                <td className="num">{f.percent(c.progress)}</td>
                <td>{t(`level.${c.completionLevel}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        basePath={base}
        params={{ areaId: filters.areaId, institutionId: filters.institutionId, level: filters.level }}
        page={page}
        pages={pages}
        t={t}
      />
    </section>
  );
}
