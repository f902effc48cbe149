import { ReportLocale } from '../locale/report-locale';
import { MessageKey } from '../locale/report-messages.constant';
import { barChart, esc, facts, figures, progressBar, table } from '../pdf/html-parts';
import { PdfDocument, PdfSection } from '../pdf/pdf-document';
import { CommitmentContact, PlanReportData } from './plan-report-data';

const LEVELS = ['not_started', 'limited', 'substantial', 'complete'] as const;

export function contactHtml(contact: CommitmentContact | null, l: ReportLocale): string {
  if (!contact) return esc(l.t('field.unknown'));
  return [contact.name, contact.department, contact.email, contact.phone]
    .filter(Boolean)
    .map((part, i) => (i === 0 ? esc(part) : `<bdi>${esc(part)}</bdi>`))
    .join(' · ');
}

export function statusHtml(status: string, l: ReportLocale): string {
  return `<span class="status-${esc(status)}">${esc(l.t(`status.${status}` as MessageKey))}</span>`;
}

/** Progress by area and commitments by completion level: shared by the self-assessment and the dashboard. */
/** `level` 2 when the overview follows another chapter on its page. */
/** Every commitment of the plan: number, title, completion level and progress (the dashboard and the self-assessment). */
export function commitmentsTable(data: PlanReportData, l: ReportLocale): string {
  return table(
    [
      { header: l.t('col.number'), numeric: true, width: '12mm' },
      { header: l.t('col.commitment') },
      { header: l.t('col.level'), width: '30mm' },
      { header: l.t('col.progress'), width: '48mm' },
    ],
    data.commitments.map((c) => [
      l.number(c.number),
      esc(l.text(c.title)),
      esc(l.t(`level.${c.completionLevel}` as MessageKey)),
      progressBar(c.progress, l.percent(c.progress)),
    ]),
  );
}

export function planOverviewSections(data: PlanReportData, l: ReportLocale, level: 1 | 2 = 1): PdfSection[] {
  const activities = data.commitments.flatMap((c) => c.activities);
  return [
    {
      id: 'overall',
      title: l.t('section.overall'),
      level,
      html:
        figures([
          { value: l.percent(data.overall), caption: l.t('section.overall') },
          { value: l.number(data.commitments.length), caption: l.t('col.commitments') },
          { value: l.number(activities.length), caption: l.t('dashboard.activities') },
          {
            value: l.number(activities.filter((a) => a.status === 'overdue').length),
            caption: l.t('dashboard.overdueActivities'),
          },
        ]) +
        `<p>${progressBar(data.overall, l.percent(data.overall))}</p>` +
        `<p>${esc(l.t('overall.text', { progress: l.percent(data.overall), commitments: l.count('count.commitments', data.commitments.length), areas: l.count('count.areas', data.areas.length) }))}</p>`,
    },
    {
      id: 'by-area',
      title: l.t('section.byArea'),
      level: 2,
      html: table(
        [
          { header: l.t('col.area') },
          { header: l.t('col.commitments'), width: '32mm' },
          { header: l.t('col.progress'), width: '60mm' },
        ],
        data.areas.map((a) => [
          esc(l.text(a.title)),
          esc(l.count('count.commitments', a.commitments)),
          progressBar(a.progress, l.percent(a.progress)),
        ]),
      ),
    },
    {
      id: 'levels',
      title: l.t('section.levels'),
      level: 2,
      html: barChart(
        LEVELS.map((level) => {
          const n = data.commitments.filter((c) => c.completionLevel === level).length;
          return { label: l.t(`level.${level}`), value: n, figure: l.count('count.commitments', n) };
        }),
      ),
    },
  ];
}

/**
 * The OGP end-of-term self-assessment, from the tracking matrix: per commitment its completion
 * level, results, next steps, the status of each activity and the responsible contact.
 */
export function selfAssessmentDocument(data: PlanReportData, l: ReportLocale): PdfDocument {
  const plan = l.text(data.planTitle) || l.t('field.unknown');
  const sections: PdfSection[] = [
    {
      id: 'monitoring',
      title: l.t('section.monitoring'),
      level: 1,
      html: `<p>${esc(l.t('section.monitoring.text'))}</p>`,
    },
    ...planOverviewSections(data, l, 2),
    {
      id: 'summary',
      title: l.t('section.summary'),
      level: 1,
      html: commitmentsTable(data, l),
    },
  ];
  for (const c of data.commitments) {
    const next = c.activities.filter((a) => a.status !== 'completed');
    sections.push({
      id: `commitment-${c.number}`,
      title: l.t('section.commitment', { number: c.number, title: l.text(c.title) }),
      level: 1,
      html:
        facts([
          [l.t('col.area'), esc(l.text(c.area))],
          [l.t('field.institution'), esc(l.text(c.institution) || l.t('field.unknown'))],
          [l.t('field.contact'), contactHtml(c.contact, l)],
          [l.t('field.level'), esc(l.t(`level.${c.completionLevel}` as MessageKey))],
          [l.t('field.progress'), progressBar(c.progress, l.percent(c.progress))],
        ]) +
        `<h3>${esc(l.t('field.results'))}</h3><p>${esc(l.text(c.results) || l.t('field.noResults'))}</p>` +
        `<h3>${esc(l.t('field.nextSteps'))}</h3>` +
        (next.length
          ? `<ul class="steps">${next.map((a) => `<li>${esc(l.text(a.title))} (<bdi>${esc(l.date(a.endDate))}</bdi>)</li>`).join('')}</ul>`
          : `<p>${esc(l.t('field.noNextSteps'))}</p>`) +
        `<h3>${esc(l.t('field.activities'))} (${esc(l.count('count.activities', c.activities.length))})</h3>` +
        table(
          [
            { header: l.t('col.activity') },
            { header: l.t('col.endDate'), width: '32mm' },
            { header: l.t('col.progress'), width: '40mm' },
            { header: l.t('col.status'), width: '28mm' },
          ],
          c.activities.map((a) => [
            esc(l.text(a.title)),
            esc(l.date(a.endDate)),
            progressBar(a.progress, l.percent(a.progress)),
            statusHtml(a.status, l),
          ]),
        ),
    });
  }
  return {
    title: l.t('self_assessment.title'),
    subtitle: l.t('self_assessment.subtitle'),
    cover: [`${l.t('cover.plan')}: ${plan}`, l.t('cover.generatedOn', { date: l.date(data.generatedOn) })],
    running: plan,
    sections,
  };
}
