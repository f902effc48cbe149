import { Pagination } from '../../../../../components/pagination';
import { pageNumber, uuidOrUndefined } from '../../../../../gateway/read-or-missing';
import { COMPLETION_LEVELS, CommitmentSummary, InstitutionView, Page, PlanView } from '../../../../../gateway/views';
import { pick } from '../../../../../i18n/localized-text';
import { MessageKey } from '../../../../../i18n/translator';
import { pageCount, pageWindow, FilterForm, DataTable } from '../../../../../components/filters';
import { titled } from '../../../../../components/page-props';
import { COORDINATION_ROLES, openStaffRecord } from '../../../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../../../components/coord/staff-page';
import type { Search } from '../../../../../components/page-props';
import { PlanFilterFields, planCommitmentsQuery } from '../../../../../components/plan-filter-fields';

const PAGE_SIZE = 25;

export const generateMetadata = titled('coord.plans.commitments');

/** The filters of the plan's commitments, from the URL (anything that is not an id or a level is ignored). */
function planFilters(search: Search) {
  return {
    areaId: uuidOrUndefined(search.areaId),
    institutionId: uuidOrUndefined(search.institutionId),
    level: COMPLETION_LEVELS.find((l) => l === search.level),
  };
}

/** A plan's commitments for the coordination team, by area, institution and level (in the URL), 25 a page; each opens its management page. */
export default async function CoordinationPlanPage(props: StaffPageProps<{ id: string }>) {
  const opened = await openStaffRecord(
    props,
    (id) => `/coordination/plans/${id}`,
    COORDINATION_ROLES,
    async (api, id, search) => {
      const filters = planFilters(search);
      const [plan, institutions, commitments] = await Promise.all([
        api.get<PlanView>('/plans/{id}', { path: { id } }),
        api.get<Page<InstitutionView>>('/institutions', { query: { limit: 100 } }),
        api.get<Page<CommitmentSummary>>('/commitments', {
          query: {
            ...planCommitmentsQuery(id, filters),
            ...pageWindow(pageNumber(search.page), PAGE_SIZE),
          },
        }),
      ]);
      return { plan, institutions, commitments };
    },
  );
  if (opened.view) return opened.view;
  const { locale, t, f, id, search, record } = opened;
  const { plan, institutions, commitments } = record;
  const filters = planFilters(search);
  const page = pageNumber(search.page);
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
        <PlanFilterFields
          areas={plan.areas}
          institutions={institutions.items}
          filters={filters}
          labels={{
            area: t('coord.plans.area'),
            institution: t('coord.plans.institution'),
            level: t('coord.commitment.level'),
          }}
          locale={locale}
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
