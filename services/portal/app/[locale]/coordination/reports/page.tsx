import { ActionForm } from '../../../../components/citizen/action-form';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import { startReport } from '../../../../components/coord/report-actions';
import { REPORT_FORMATS, REPORT_KINDS, ReportView } from '../../../../components/coord/report-views';
import { Pagination } from '../../../../components/pagination';
import { pageNumber } from '../../../../gateway/read-or-missing';
import type { Page, ProgrammePlans, ProgrammeView } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { pageCount, pageWindow, DataTable } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';
import { LOCALES, LOCALE_NAMES } from '../../../../i18n/locales';

const PAGE_SIZE = 20;

export const generateMetadata = titled('coord.reports.title');

/** Start any report the platform produces (kind, format, plan or cycle, language); the latest reports, 20 a page, each with its state. */
export default async function ReportsPage(props: PageProps) {
  const opened = await openStaffPage(props, '/coordination/reports', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const page = pageNumber(search.page);
  const [programmes, cycles, reports] = await Promise.all([
    api.get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } }),
    api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } }),
    api.get<Page<ReportView>>('/reports', { query: pageWindow(page, PAGE_SIZE) }),
  ]);
  const plans = (
    await Promise.all(
      programmes.items.map((p) => api.get<ProgrammePlans>('/programmes/{id}/plans', { path: { id: p.id } })),
    )
  ).flatMap((p) => p.plans);
  const planTitle = new Map(plans.map((p) => [p.id, pick(p.title, locale)]));
  const cycleTitle = new Map(cycles.items.map((c) => [c.id, pick(c.title, locale)]));
  const pages = pageCount(reports.total, PAGE_SIZE);
  const base = `/${locale}/coordination/reports`;
  return (
    <section className="page-section" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('coord.reports.title')}</h1>
      <p className="lead">{t('coord.reports.intro')}</p>
      <div className="narrow-wide">
        <h2>{t('coord.reports.start')}</h2>
        <ActionForm
          id="report"
          action={startReport}
          csrf={<CsrfField />}
          hidden={{ locale }}
          submit={t('coord.reports.submit')}
          fields={[
            {
              name: 'kind',
              label: t('coord.reports.kind'),
              type: 'radio',
              required: true,
              defaultValue: 'plan_dashboard',
              options: REPORT_KINDS.map((k) => ({ value: k, label: t(`coord.reports.kinds.${k}` as MessageKey) })),
            },
            {
              name: 'planId',
              label: t('coord.reports.plan'),
              type: 'select',
              hint: t('coord.reports.planHint'),
              options: [
                { value: '', label: t('coord.reports.choosePlan') },
                ...plans.map((p) => ({ value: p.id, label: `${pick(p.title, locale)} (${p.code})` })),
              ],
            },
            {
              name: 'cycleId',
              label: t('coord.reports.cycle'),
              type: 'select',
              hint: t('coord.reports.cycleHint'),
              options: [
                { value: '', label: t('coord.reports.chooseCycle') },
                ...cycles.items.map((c) => ({ value: c.id, label: pick(c.title, locale) })),
              ],
            },
            {
              name: 'format',
              label: t('coord.reports.format'),
              type: 'select',
              required: true,
              defaultValue: 'pdf',
              options: REPORT_FORMATS.map((fm) => ({ value: fm, label: fm.toUpperCase() })),
            },
            {
              name: 'language',
              label: t('coord.reports.language'),
              type: 'select',
              defaultValue: locale,
              options: LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
            },
          ]}
        />
      </div>
      <h2 id="recent-title">{t('coord.reports.recent')}</h2>
      <DataTable
        id="reports"
        label={t('coord.reports.recent')}
        labelledBy="recent-title"
        columns={[
          t('coord.reports.kind'),
          t('coord.reports.subject'),
          t('coord.reports.format'),
          t('coord.reports.state'),
          t('coord.reports.requestedAt'),
        ]}
      >
        {reports.items.map((r) => (
          <tr key={r.id} data-report={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{t(`coord.reports.kinds.${r.kind}` as MessageKey)}</a>
            </th>
            <td dir="auto">
              {(r.params.planId && planTitle.get(r.params.planId)) ||
                (r.params.cycleId && cycleTitle.get(r.params.cycleId)) ||
                '—'}
            </td>
            <td>{r.format.toUpperCase()}</td>
            <td>
              {r.status === 'running'
                ? `${t('coord.reports.statuses.running')} (${f.percent(r.progress)})`
                : t(`coord.reports.statuses.${r.status}` as MessageKey)}
            </td>
            <td>
              <time dateTime={r.createdAt}>{f.dateTime(r.createdAt)}</time>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination basePath={base} params={{}} page={page} pages={pages} t={t} />
    </section>
  );
}
