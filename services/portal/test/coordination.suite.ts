import { BrowserContext, Page } from 'playwright-core';
import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { DEMO_PASSWORD } from './portal-platform';

const CSV_HEADER =
  'area_code,area_title_ar,area_title_fr,area_title_en,commitment_number,commitment_title_ar,commitment_title_fr,commitment_title_en,commitment_start,commitment_end,lead_institution_code,ogp_values,activity_title_ar,activity_title_fr,activity_title_en,activity_start,activity_end,activity_weight,activity_responsible';
const GOOD_ROWS = [
  'R1,الشفافية,Transparence,Transparency,1,"نشر الميزانية الجهوية، بشكل مفتوح",,Open regional budget,2025-01-01,2026-12-31,MEF,access_to_information;public_accountability,إعداد,,,2025-01-01,2025-06-30,40,',
  'R1,الشفافية,Transparence,Transparency,1,"نشر الميزانية الجهوية، بشكل مفتوح",,Open regional budget,2025-01-01,2026-12-31,MEF,access_to_information;public_accountability,النشر,,,2025-07-01,2026-12-31,60,"Direction du budget"',
  'R2,المشاركة,Participation,Participation,2,منصة العرائض,,Petitions platform,2025-03-01,2026-06-30,MRAFP,civic_participation,التطوير,,,2025-03-01,2025-12-31,,',
];
/** The same file with one bad row: line 3 names an institution that does not exist. */
const BAD_CSV = [CSV_HEADER, GOOD_ROWS[0], GOOD_ROWS[1].replace(',MEF,', ',NOBODY,'), GOOD_ROWS[2]].join('\n');
const GOOD_CSV = [CSV_HEADER, ...GOOD_ROWS].join('\n');

export function coordinationSuite(ctx: PortalContext): void {
  describe('coordination team in a real browser: plan import', () => {
    const platform = ctx.platform;
    const contexts: BrowserContext[] = [];

    async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
      const context = await ctx.browser.newContext({ baseURL: platform.portalUrl, javaScriptEnabled: options.javaScriptEnabled ?? true });
      contexts.push(context);
      return context.newPage();
    }

    async function logIn(page: Page, locale: string, email: string, next: string): Promise<void> {
      await page.goto(`/${locale}/login?next=${encodeURIComponent(`/${locale}${next}`)}`);
      await page.fill('#email', email);
      await page.fill('#password', DEMO_PASSWORD);
      await Promise.all([page.waitForURL((u) => u.pathname === `/${locale}${next}`), page.click('form.form button[type=submit]')]);
    }

    async function planCodes(): Promise<string[]> {
      const plans = await platform.json<{ plans: { code: string }[] }>(`/programmes/${platform.programmeId}/plans`);
      return plans.plans.map((p) => p.code);
    }

    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
    });

    it.each([
      ['ar', true],
      ['en', false],
    ] as const)('%s (JavaScript %s): a coordinator imports a CSV with one bad row, sees the error against that row with nothing written, then imports the good file', async (locale, javaScriptEnabled) => {
      const page = await newPage({ javaScriptEnabled });
      const csp = collectCspViolations(page);
      await logIn(page, locale, 'coordination@demo.ogp.ma', '/coordination/plans/import');
      expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page)).toEqual([]);
      const code = `CSV-${locale.toUpperCase()}-${Date.now() % 100000}`;
      const before = await planCodes();

      const fillHeader = async () => {
        await page.selectOption('#import-programmeCode', 'OGP-MA');
        await page.fill('#import-planCode', code);
        await page.fill('#import-titleAr', 'خطة مستوردة للاختبار');
        await page.fill('#import-titleEn', 'Imported test plan');
        await page.fill('#import-startDate', '2025-01-01');
        await page.fill('#import-endDate', '2026-12-31');
      };
      await fillHeader();
      await page.setInputFiles('#import-file', { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV, 'utf8') });
      await page.click('#import button[type=submit]');
      await page.locator('#import-error[role=alert]').waitFor();
      const refused = page.locator('#import-row-errors tbody tr');
      await expect(refused.count()).resolves.toBe(1);
      await expect(refused.first().getAttribute('data-row')).resolves.toBe('line 3');
      await expect(refused.first().locator('th').textContent()).resolves.toBe('line 3');
      await expect(refused.first().textContent()).resolves.toContain('NOBODY');
      await expect(refused.first().textContent()).resolves.toContain('lead_institution_code');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `coord-${locale}-import-refused`);
      expect(await planCodes()).toEqual(before);

      // The header was kept; the file is chosen again (a browser never keeps it).
      await expect(page.inputValue('#import-planCode')).resolves.toBe(code);
      await page.setInputFiles('#import-file', { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV, 'utf8') });
      await page.click('#import button[type=submit]');
      await page.locator('#import-done[role=status]').waitFor();
      await expect(page.locator('#import-done').textContent()).resolves.toContain(locale === 'ar' ? 'التزامان' : '2 commitments');
      await expect(page.locator('#import-row-errors').count()).resolves.toBe(0);
      expect(await planCodes()).toContain(code);
      await Promise.all([page.waitForURL('**/plans/**'), page.click('#import-done a')]);
      await expect(page.textContent('h1')).resolves.toBe(locale === 'ar' ? 'خطة مستوردة للاختبار' : 'Imported test plan');
      expect(csp).toEqual([]);
    });

    it('en: a JSON file failing validation lists the commitment it is about; nothing is written', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', '/coordination/plans/import');
      const before = await planCodes();
      const plan = {
        programmeCode: 'OGP-MA',
        plan: { code: `JSON-${Date.now() % 100000}`, title: { ar: 'خطة JSON' }, startDate: '2025-01-01', endDate: '2026-12-31' },
        areas: [{ code: 'A1', title: { ar: 'محور' } }],
        commitments: [
          { number: 1, areaCode: 'A1', leadInstitutionCode: 'MEF', title: { ar: 'التزام أول' }, startDate: '2025-01-01', endDate: '2026-12-31' },
          { number: 2, areaCode: 'A9', leadInstitutionCode: 'MEF', title: { ar: 'التزام ثان' }, startDate: '2025-01-01', endDate: '2026-12-31' },
        ],
      };
      await page.setInputFiles('#import-file', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan), 'utf8') });
      await page.click('#import button[type=submit]');
      await page.locator('#import-error[role=alert]').waitFor();
      const row = page.locator('#import-row-errors tbody tr').first();
      await expect(row.getAttribute('data-row')).resolves.toBe('commitments[1]');
      await expect(row.textContent()).resolves.toContain('2. التزام ثان');
      expect(await planCodes()).toEqual(before);
    });

    it('a citizen who opens the import page is told it is not for their account', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'citizen@demo.ogp.ma', '/coordination/plans/import');
      await expect(page.textContent('h1')).resolves.toBe('This page is not open to your account');
      await expect(page.locator('#import').count()).resolves.toBe(0);
    });

    it.each(['ar', 'en'])('%s: the coordination pages have no serious or critical axe violation; screenshots', async (locale) => {
      const page = await newPage();
      await logIn(page, locale, 'coordination@demo.ogp.ma', '/coordination');
      for (const path of ['/coordination', '/coordination/plans/import']) {
        await page.goto(`/${locale}${path}`);
        expect([path, await seriousViolations(page)]).toEqual([path, []]);
        await screenshot(page, `coord-${locale}${path.replace(/\//g, '-')}`);
      }
    });
  });
}
