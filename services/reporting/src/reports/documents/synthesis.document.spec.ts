import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CycleStatistics, CycleView } from '@ogp/contracts';
import pino from 'pino';
import { ReportingConfig } from '../../reporting.config';
import { ReportLocale } from '../locale/report-locale';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { pdfText } from '../pdf/pdf-text.testing';
import { synthesisDocument } from './synthesis.document';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', '..', 'test-artifacts', 'reports');

/** The 2021-2023 synthesis figures (seed 001). */
const stats: CycleStatistics = {
  portal: { withProposals: 179, interacting: 53, total: 232 },
  workshops: [
    { number: 1, themeNumber: 1, registered: 90, present: 61 },
    { number: 2, themeNumber: 2, registered: 70, present: 52 },
  ],
  workshopsPresentTotal: 572,
  participantsTotal: 804,
  ideasByTheme: [
    { themeNumber: 1, portal: 20, workshop: 1 },
    { themeNumber: 2, portal: 1, workshop: 1 },
  ],
  ideas: { portal: 179, workshop: 53, total: 232 },
  fate: { accepted: 120, rejected: 112, retained: 60, notRetained: 60, published: 232 },
  proposedCommitments: 24,
  institutions: 11,
  consultation: { weeks: 4, days: 28, participants: 5, comments: 28 },
};
const cycle = {
  id: 'c',
  programmeId: 'p',
  code: '2021-2023',
  title: { ar: 'الإعداد المشترك لخطة العمل 2021-2023', en: 'Co-creation of the 2021-2023 plan' },
  phases: [],
  currentPhases: [],
  themes: [
    { id: 't1', number: 1, title: { ar: 'المساواة بين الجنسين', en: 'Gender equality' } },
    { id: 't2', number: 2, title: { ar: 'الديمقراطية التشاركية', en: 'Participatory democracy' } },
  ],
} as CycleView;

describe('the co-creation synthesis PDF (real Chromium, read back with poppler)', () => {
  const renderer = new PdfRenderer(
    { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } as ReportingConfig,
    pino({ level: 'silent' }),
  );
  afterAll(() => renderer.onModuleDestroy());

  it('Arabic: brackets in "مدة التشاور (أسابيع)" the right way round, plurals by CLDR, tables and charts; French on request', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const language of ['ar', 'fr'] as const) {
      const l = new ReportLocale(language);
      const { pdf } = await renderer.render(synthesisDocument(stats, cycle, '2026-05-15', l), l);
      const file = join(ARTIFACTS, `synthesis-${language}.pdf`);
      writeFileSync(file, pdf);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '3',
        '-l',
        '3',
        '-singlefile',
        file,
        join(ARTIFACTS, `synthesis-${language}-page-3`),
      ]);
      const text = pdfText(file);
      if (language === 'ar') {
        expect(text).toContain('التقرير التركيبي حول الإعداد المشترك لخطة العمل');
        expect(text).toContain('مدة التشاور (أسابيع)');
        expect(text).not.toContain(')أسابيع');
        expect(text).toContain('المحور 1: المساواة بين الجنسين');
        // 21 and 232 ideas take the "many" form, 2 the dual: CLDR's Arabic rules.
        expect(text).toContain('21 مقترحا');
        expect(text).toContain('مقترحان');
        expect(text).toContain('232 مقترحا');
        expect(text).toContain('804');
      } else {
        expect(text).toContain('Rapport de synthèse de la co-création');
        expect(text).toContain('Durée de la consultation (semaines)');
        expect(text).toContain('21 propositions');
        expect(text).toContain('Ateliers de consultation');
        expect(text).toContain('Page 3 sur');
      }
    }
  });
});
