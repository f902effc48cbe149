import { CycleStatistics, CycleView } from '@ogp/contracts';
import { ReportLocale } from '../locale/report-locale';
import { MessageKey } from '../locale/report-messages.constant';
import { barChart, esc, figures, table } from '../pdf/html-parts';
import { PdfDocument } from '../pdf/pdf-document';

/** The synthesis's figures as (label, value) rows: the PDF's tables and the CSV are the same rows. */
export function synthesisRows(s: CycleStatistics, l: ReportLocale): [string, number | string][] {
  const rows: [MessageKey, number][] = [
    ['stat.portalWithProposals', s.portal.withProposals],
    ['stat.portalInteracting', s.portal.interacting],
    ['stat.portalTotal', s.portal.total],
    ['stat.workshopsPresent', s.workshopsPresentTotal],
    ['stat.participantsTotal', s.participantsTotal],
    ['stat.ideasPortal', s.ideas.portal],
    ['stat.ideasWorkshop', s.ideas.workshop],
    ['stat.ideasTotal', s.ideas.total],
    ['stat.proposedCommitments', s.proposedCommitments],
    ['stat.institutions', s.institutions],
    ['stat.consultationWeeks', s.consultation.weeks],
    ['stat.consultationParticipants', s.consultation.participants],
    ['stat.consultationComments', s.consultation.comments],
    ['stat.accepted', s.fate.accepted],
    ['stat.rejected', s.fate.rejected],
    ['stat.retained', s.fate.retained],
    ['stat.notRetained', s.fate.notRetained],
    ['stat.published', s.fate.published],
  ];
  return [
    ...rows.map(([k, v]): [string, number] => [l.t(k), v]),
    ...s.workshops.map((w): [string, string] => [
      l.t('stat.workshopAttendance', { number: w.number }),
      `${w.registered} / ${w.present}`,
    ]),
    ...s.ideasByTheme.flatMap((t): [string, number][] => [
      [l.t('stat.themeIdeasPortal', { number: t.themeNumber }), t.portal],
      [l.t('stat.themeIdeasWorkshop', { number: t.themeNumber }), t.workshop],
      [l.t('stat.themeIdeasTotal', { number: t.themeNumber }), t.portal + t.workshop],
    ]),
  ];
}

const pairs = (l: ReportLocale, rows: [MessageKey, number][]) =>
  table(
    [{ header: l.t('col.indicator') }, { header: l.t('col.value'), numeric: true, width: '30mm' }],
    rows.map(([k, v]) => [esc(l.t(k)), esc(l.number(v))]),
  );

/** The co-creation synthesis report: participation, workshops, ideas by theme and channel, their fate, the consultation. */
export function synthesisDocument(
  s: CycleStatistics,
  cycle: CycleView | null,
  generatedOn: string,
  l: ReportLocale,
): PdfDocument {
  const name = l.text(cycle?.title) || cycle?.code || l.t('field.unknown');
  const theme = (n: number) => {
    const t = cycle?.themes.find((x) => x.number === n);
    return t ? `${l.t('theme.number', { number: n })}: ${l.text(t.title)}` : l.t('theme.number', { number: n });
  };
  return {
    title: l.t('co_creation_synthesis.title'),
    subtitle: l.t('self_assessment.subtitle'),
    cover: [`${l.t('cover.cycle')}: ${name}`, l.t('cover.generatedOn', { date: l.date(generatedOn) })],
    running: name,
    sections: [
      {
        id: 'participation',
        title: l.t('synthesis.participation'),
        level: 1,
        html:
          figures([
            { value: l.number(s.participantsTotal), caption: l.t('stat.participantsTotal') },
            { value: l.number(s.ideas.total), caption: l.t('stat.ideasTotal') },
            { value: l.number(s.proposedCommitments), caption: l.t('stat.proposedCommitments') },
            { value: l.number(s.institutions), caption: l.t('stat.institutions') },
          ]) +
          pairs(l, [
            ['stat.portalWithProposals', s.portal.withProposals],
            ['stat.portalInteracting', s.portal.interacting],
            ['stat.portalTotal', s.portal.total],
            ['stat.workshopsPresent', s.workshopsPresentTotal],
            ['stat.participantsTotal', s.participantsTotal],
          ]),
      },
      {
        id: 'workshops',
        title: l.t('synthesis.workshops'),
        level: 2,
        html: table(
          [
            { header: l.t('col.workshop') },
            { header: l.t('col.theme') },
            { header: l.t('col.registered'), numeric: true, width: '24mm' },
            { header: l.t('col.present'), numeric: true, width: '24mm' },
          ],
          s.workshops.map((w) => [
            esc(l.t('workshop.number', { number: w.number })),
            esc(theme(w.themeNumber)),
            esc(l.number(w.registered)),
            esc(l.number(w.present)),
          ]),
        ),
      },
      {
        id: 'ideas',
        title: l.t('synthesis.ideasByTheme'),
        level: 1,
        html:
          table(
            [
              { header: l.t('col.theme') },
              { header: l.t('col.portal'), numeric: true, width: '22mm' },
              { header: l.t('col.workshops'), numeric: true, width: '22mm' },
              { header: l.t('col.total'), numeric: true, width: '22mm' },
            ],
            [
              ...s.ideasByTheme.map((t) => [
                esc(theme(t.themeNumber)),
                esc(l.number(t.portal)),
                esc(l.number(t.workshop)),
                esc(l.number(t.portal + t.workshop)),
              ]),
              [
                `<b>${esc(l.t('col.total'))}</b>`,
                esc(l.number(s.ideas.portal)),
                esc(l.number(s.ideas.workshop)),
                `<b>${esc(l.number(s.ideas.total))}</b>`,
              ],
            ],
          ) +
          barChart(
            s.ideasByTheme.map((t) => ({
              label: theme(t.themeNumber),
              value: t.portal + t.workshop,
              figure: l.count('count.ideas', t.portal + t.workshop),
            })),
          ),
      },
      {
        id: 'fate',
        title: l.t('synthesis.fate'),
        level: 1,
        html: barChart(
          (['stat.accepted', 'stat.rejected', 'stat.retained', 'stat.notRetained', 'stat.published'] as const).map(
            (k, i) => {
              const v = [s.fate.accepted, s.fate.rejected, s.fate.retained, s.fate.notRetained, s.fate.published][i];
              return { label: l.t(k), value: v, figure: l.count('count.ideas', v) };
            },
          ),
        ),
      },
      {
        id: 'consultation',
        title: l.t('synthesis.consultation'),
        level: 2,
        html: pairs(l, [
          ['stat.proposedCommitments', s.proposedCommitments],
          ['stat.consultationWeeks', s.consultation.weeks],
          ['stat.consultationParticipants', s.consultation.participants],
          ['stat.consultationComments', s.consultation.comments],
        ]),
      },
    ],
  };
}
