import { NotAllowed, staffAccount } from '../../../../../components/coord/staff-access';
import { NotFoundView } from '../../../../../components/not-found-view';
import { Pagination } from '../../../../../components/pagination';
import { gateway } from '../../../../../gateway/gateway-client';
import { isUuid, pageNumber, readOrMissing, uuidOrUndefined } from '../../../../../gateway/read-or-missing';
import { COMPLETION_LEVELS, CommitmentSummary, InstitutionView, Page, PlanView } from '../../../../../gateway/views';
import { pick } from '../../../../../i18n/localized-text';
import { localeTools } from '../../../../../i18n/request-locale';
import { MessageKey } from '../../../../../i18n/translator';
import { pageCount, pageWindow, SelectFilter, FilterForm, DataTable } from '../../../../../components/filters';
import { titled } from '../../../../../components/page-props';

const PAGE_SIZE = 25;
type Params = Promise<{ locale: string; id: string }>;

export const generateMetadata = titled('coord.plans.commitments');

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
      <FilterForm action={base} label={t('coord.plans.filters')} reset={base} t={t}>
        <SelectFilter
          id="area"
          name="areaId"
          label={t('coord.plans.area')}
          value={filters.areaId}
          options={plan.areas.map((a) => ({ value: a.id, label: pick(a.title, locale) }))}
          t={t}
        />
        <SelectFilter
          id="institution"
          name="institutionId"
          label={t('coord.plans.institution')}
          value={filters.institutionId}
          options={institutions.items.map((i) => ({ value: i.id, label: pick(i.name, locale) }))}
          t={t}
        />
        <SelectFilter
          id="level"
          name="level"
          label={t('coord.commitment.level')}
          value={filters.level}
          options={COMPLETION_LEVELS.map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) }))}
          t={t}
        />
      </FilterForm>
      <p className="muted" role="status">
        {t('common.commitments', { count: commitments.total })}
      </p>
      <DataTable
        id="plan-commitments"
        label={t('coord.plans.commitments')}
        columns={[
          t('coord.plans.commitment'),
          t('coord.plans.institution'),
          { label: t('common.progress'), className: 'num' },
          t('coord.commitment.level'),
        ]}
      >
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
      </DataTable>
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
