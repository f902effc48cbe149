import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { ReportingConfig } from '../../reporting.config';
import { ReportLocale } from '../locale/report-locale';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { pdfText } from '../pdf/pdf-text.testing';
import { PlanReportData } from './plan-report-data';
import { selfAssessmentDocument } from './self-assessment.document';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', '..', 'test-artifacts', 'reports');

/** 14 commitments: 11 in one area, 2 in another, 1 in a third, so every Arabic plural form that counts them shows. */
function plan(): PlanReportData {
  const areas = [
    { ar: 'الوصول إلى المعلومات', en: 'Access to information', size: 11 },
    { ar: 'النزاهة ومكافحة الفساد', en: 'Integrity and anti-corruption', size: 2 },
    { ar: 'التواصل', en: 'Communication', size: 1 },
  ];
  const commitments: PlanReportData['commitments'] = [];
  for (const area of areas) {
    for (let i = 0; i < area.size; i++) {
      const number = commitments.length + 1;
      commitments.push({
        number,
        title:
          number === 1
            ? { ar: 'إنشاء بوابة الشفافية', en: 'Create the transparency portal' }
            : { ar: `الالتزام التجريبي رقم ${number}`, en: `Sample commitment ${number}` },
        area: { ar: area.ar, en: area.en },
        completionLevel: number === 1 ? 'substantial' : 'limited',
        progress: number === 1 ? 62.5 : 10,
        results:
          number === 1
            ? {
                ar: 'نشر 12 تقريرا (المرحلة الأولى) على البوابة',
                en: 'Published 12 reports (first phase) on the portal',
              }
            : null,
        institution: { ar: 'وزارة الاقتصاد والمالية', en: 'Ministry of Economy and Finance' },
        contact: { name: 'Amina El Idrissi', department: 'DEPP', email: 'amina@finances.gov.ma' },
        activities: [
          {
            title: { ar: 'إطلاق البوابة', en: 'Launch the portal' },
            endDate: '2026-03-31',
            progress: 100,
            status: 'completed',
          },
          {
            title: { ar: 'تقييم البوابة (المرحلة 2)', en: 'Assess the portal (phase 2)' },
            endDate: '2026-05-14',
            progress: 40,
            status: 'overdue',
          },
          {
            title: { ar: 'نشر التقرير النهائي', en: 'Publish the final report' },
            endDate: '2026-12-31',
            progress: 0,
            status: 'not_started',
          },
        ],
      });
    }
  }
  return {
    planId: 'p',
    planTitle: { ar: 'خطة العمل الوطنية 2018-2020', en: 'National action plan 2018-2020' },
    generatedOn: '2026-05-15',
    overall: 15.18,
    areas: areas.map((a, i) => ({
      title: { ar: a.ar, en: a.en },
      progress: i === 0 ? 14.77 : 10,
      commitments: a.size,
    })),
    commitments,
  };
}

describe('the self-assessment PDF, laid out by Chromium (real browser, read back with poppler)', () => {
  const renderer = new PdfRenderer(
    { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } as ReportingConfig,
    pino({ level: 'silent' }),
  );
  afterAll(() => renderer.onModuleDestroy());
  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  async function render(
    language: 'ar' | 'en',
  ): Promise<{ file: string; pages: number; contents: Record<string, number> }> {
    const l = new ReportLocale(language);
    const { pdf, pages, contents } = await renderer.render(selfAssessmentDocument(plan(), l), l);
    const file = join(ARTIFACTS, `self-assessment-${language}.pdf`);
    writeFileSync(file, pdf);
    // Page 1 (the cover) and page 2 (the contents) and a commitment's page as images, to be looked at.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '2',
      file,
      join(ARTIFACTS, `self-assessment-${language}`),
    ]);
    return { file, pages, contents };
  }

  /** Each section's page in the table of contents is printed there and is the page where its heading is. */
  function expectContentsToMatchPages(
    file: string,
    contents: Record<string, number>,
    headings: Record<string, string>,
  ): void {
    const toc = pdfText(file, { first: 2, last: 2 });
    for (const [id, heading] of Object.entries(headings)) {
      const page = contents[id];
      expect(page).toBeGreaterThan(2);
      expect(toc).toContain(heading);
      expect(toc.split('\n').map((x) => x.trim())).toContain(String(page));
      expect(pdfText(file, { first: page, last: page })).toContain(heading);
      if (page > 3) expect(pdfText(file, { first: page - 1, last: page - 1 })).not.toContain(heading);
    }
  }

  it('Arabic: right to left, "الالتزام 1:" and brackets in logical order, CLDR plurals, contents with the right pages, page numbers', async () => {
    const { file, pages, contents } = await render('ar');
    const text = pdfText(file);
    expect(text).toContain('الالتزام 1: إنشاء بوابة الشفافية');
    expect(text).toContain('نشر 12 تقريرا (المرحلة الأولى) على البوابة');
    expect(text).toContain('تقييم البوابة (المرحلة 2)');
    // 11 commitments, two, one: three different Arabic forms; never "1 التزامات".
    expect(text).toContain('11 التزاما');
    expect(text).toContain('التزامان');
    expect(text).toContain('التزام واحد');
    expect(text).toContain('14 التزاما و3 محاور');
    expect(text).not.toMatch(/\b1 التزامات/);
    expect(text).toContain('مستوى الإنجاز');
    expect(text).toContain('جوهري');
    expect(text).toContain('متأخر');
    expect(text).toContain('Amina El Idrissi');
    expect(text).toContain(`صفحة 3 من ${pages}`);
    expect(pages).toBeGreaterThanOrEqual(17);
    expectContentsToMatchPages(file, contents, {
      monitoring: 'نظام التتبع',
      summary: 'ملخص الالتزامات',
      'commitment-1': 'الالتزام 1: إنشاء بوابة الشفافية',
      'commitment-14': 'الالتزام 14: الالتزام التجريبي رقم 14',
    });
  });

  it('English on request: left to right, the same report in English words and English plurals', async () => {
    const { file, pages, contents } = await render('en');
    const text = pdfText(file);
    expect(text).toContain('End-of-term self-assessment report');
    expect(text).toContain('Commitment 1: Create the transparency portal');
    expect(text).toContain('Published 12 reports (first phase) on the portal');
    expect(text).toContain('11 commitments');
    expect(text).toContain('1 commitment\n');
    expect(text).toContain('across 14 commitments in 3 areas');
    expect(text).toContain('Overdue');
    expect(text).toContain(`Page 3 of ${pages}`);
    expect(text).not.toMatch(/[\u0600-\u06FF]/);
    expectContentsToMatchPages(file, contents, {
      monitoring: 'Monitoring system',
      summary: 'Commitments at a glance',
      'commitment-1': 'Commitment 1: Create the transparency portal',
      'commitment-14': 'Commitment 14: Sample commitment 14',
    });
  });
});
