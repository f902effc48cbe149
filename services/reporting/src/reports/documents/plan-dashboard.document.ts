import { ReportLocale } from '../locale/report-locale';
import { barChart } from '../pdf/html-parts';
import { PdfDocument } from '../pdf/pdf-document';
import { PlanReportData } from './plan-report-data';
import { commitmentsTable, planOverviewSections } from './self-assessment.document';

/** The plan dashboard as a document: figures, progress by area and level, every commitment. */
export function planDashboardDocument(data: PlanReportData, l: ReportLocale): PdfDocument {
  const plan = l.text(data.planTitle) || l.t('field.unknown');
  return {
    title: l.t('plan_dashboard.title'),
    subtitle: plan,
    cover: [l.t('cover.generatedOn', { date: l.date(data.generatedOn) })],
    running: plan,
    sections: [
      ...planOverviewSections(data, l),
      {
        id: 'area-chart',
        title: l.t('section.byArea'),
        level: 1,
        html: barChart(
          data.areas.map((a) => ({ label: l.text(a.title), value: a.progress, figure: l.percent(a.progress) })),
        ),
      },
      {
        id: 'commitments',
        title: l.t('col.commitments'),
        level: 2,
        html: commitmentsTable(data, l),
      },
    ],
  };
}
