import { screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { suitePages } from './suite-pages';

// A 1x1 PNG: evidence attached to a progress report.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const LANGUAGES = [
  { locale: 'ar', dir: 'rtl', plan: 'خطة العمل الوطنية للحكومة المنفتحة 2018-2020', overall: 'نسبة الإنجاز الإجمالية' },
  {
    locale: 'fr',
    dir: 'ltr',
    plan: "Plan d'action national du gouvernement ouvert 2018-2020",
    overall: 'Avancement global',
  },
  { locale: 'en', dir: 'ltr', plan: 'Open Government National Action Plan 2018-2020', overall: 'Overall progress' },
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of our own API, read loosely by a test
type Json = Record<string, any>;

export function publicSpaceSuite(ctx: PortalContext): void {
  describe('the public space in a real browser (no login): home, plan, commitment, co-creation cycle, publications, open data', () => {
    const platform = ctx.platform;
    const { newPage, closeAll } = suitePages(ctx);
    let coordinator = '';
    let planId = '';
    let cycleId = '';
    let first: Json;
    let reportId = '';
    let publicationTitle: Json;

    const auth = (body?: unknown) => ({
      headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
    });

    beforeAll(async () => {
      coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      planId = (await platform.json<Json>(`/programmes/${platform.programmeId}/plans`)).plans[0].id;
      cycleId = (await platform.json<Json>('/cycles')).items[0].id;
      first = (await platform.json<Json>(`/commitments?planId=${planId}&limit=1`)).items[0];
      publicationTitle = {
        ar: 'محضر اجتماع لجنة القيادة',
        fr: 'Procès-verbal du comité de pilotage',
        en: 'Minutes of the steering committee',
      };
      const publication = await platform.json<Json>(
        '/publications',
        auth({
          kind: 'minutes',
          title: publicationTitle,
          body: { ar: 'نص المحضر', fr: 'Texte du procès-verbal', en: 'Text of the minutes' },
        }),
      );
      await platform.json<Json>(`/publications/${publication.id}/publish`, auth({}));
      reportId = (await platform.json<Json>('/reports', auth({ kind: 'plan_dashboard', format: 'csv', planId }))).id;
      for (let i = 0; i < 100; i++) {
        if ((await platform.json<Json>(`/reports/${reportId}`)).status === 'done') break;
        await new Promise((r) => setTimeout(r, 300));
      }
    }, 600000);

    afterAll(async () => {
      await closeAll();
    });

    it.each(LANGUAGES)(
      'a visitor reads a plan in $locale: progress overall, by area, institution and level, and its commitments',
      async ({ locale, dir, plan, overall }) => {
        const page = await newPage();
        await page.goto(`/${locale}`);
        await Promise.all([
          page.waitForURL(`**/${locale}/plans/${planId}`),
          page.click(`a[href="/${locale}/plans/${planId}"]`),
        ]);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(await page.getAttribute('html', 'dir')).toBe(dir);
        await expect(page.textContent('h1')).resolves.toBe(plan);
        await expect(page.textContent('#overall-title')).resolves.toBe(overall);
        await expect(page.locator('.progress-figure').first().textContent()).resolves.toMatch(/84[.,]4/);
        const charts = page.locator('.bar-list');
        await expect(charts.nth(0).locator('li').count()).resolves.toBe(5);
        await expect(charts.nth(1).locator('li').count()).resolves.toBe(8);
        await expect(charts.nth(2).locator('li').count()).resolves.toBe(4);
        // In Arabic the bars fill from the right: the filled rect ends at the right edge of the track.
        const fill = page.locator('.bar-list .progress-fill').first();
        const [x, width] = [Number(await fill.getAttribute('x')), Number(await fill.getAttribute('width'))];
        if (dir === 'rtl') expect(x + width).toBeCloseTo(100, 5);
        else expect(x).toBe(0);
        await expect(page.locator('.commitment-list > li').count()).resolves.toBe(10);
        await expect(page.locator('.pagination [aria-current=page]').textContent()).resolves.toMatch(/1.*2/);
        if (locale !== 'fr') await screenshot(page, `${locale}-plan`);
      },
    );

    it('plan filters live in the URL and work without JavaScript: area, level, overdue, Arabic-aware search, pages', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      const dashboard = await platform.json<Json>(`/plans/${planId}/dashboard`);
      const area = dashboard.byArea[0];
      await page.goto(`/ar/plans/${planId}`);
      await page.selectOption('#f-area', area.areaId);
      await Promise.all([page.waitForEvent('load'), page.click('.filters button[type=submit]')]);
      const url = new URL(page.url());
      expect(url.searchParams.get('areaId')).toBe(area.areaId);
      await expect(page.locator('.commitment-list > li').count()).resolves.toBe(area.commitments);

      await page.goto(`/en/plans/${planId}?level=complete`);
      await expect(page.locator('.commitment-list > li').count()).resolves.toBe(dashboard.byCompletionLevel.complete);
      await page.goto(`/en/plans/${planId}?overdue=1`);
      await expect(page.locator('.commitment-list > li .badge-warning').count()).resolves.toBeGreaterThan(0);
      expect(await page.locator('.commitment-list > li').count()).toBe(
        Math.min(10, dashboard.commitments.withOverdueActivities),
      );

      // Typed without hamza ("الى"), the title has "إلى": the gateway's search folds both.
      await page.goto(`/ar/plans/${planId}`);
      await page.fill('#f-q', 'الوصول الى المعلومات');
      await Promise.all([page.waitForEvent('load'), page.click('.filters button[type=submit]')]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('الوصول الى المعلومات');
      await expect(page.locator('.commitment-list').textContent()).resolves.toContain(
        'رفع مستوى الوعي العام بحق الوصول إلى المعلومات',
      );

      await page.goto(`/fr/plans/${planId}`);
      await Promise.all([page.waitForEvent('load'), page.click('.pagination a[rel=next]')]);
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      await expect(page.locator('.commitment-list > li').count()).resolves.toBe(8);
    });

    it.each(LANGUAGES)(
      'a visitor reads a commitment in $locale: card, activities with overdue marks, reports with evidence, history',
      async ({ locale }) => {
        const card = await platform.json<Json>(`/commitments/${first.id}`);
        const page = await newPage();
        await page.goto(`/${locale}/plans/${planId}`);
        await Promise.all([
          page.waitForURL(`**/commitments/${first.id}`),
          page.click(`a[href="/${locale}/commitments/${first.id}"]`),
        ]);
        await expect(page.textContent('h1')).resolves.toContain(card.title[locale]);
        await expect(page.locator('#activities-title + .table-scroll tbody tr').count()).resolves.toBe(
          card.activities.length,
        );
        const overdue = card.activities.filter((a: Json) => a.overdue).length;
        await expect(page.locator('tbody tr.overdue').count()).resolves.toBe(overdue);
        await expect(page.locator('#reports-title ~ ol > li').count()).resolves.toBeGreaterThan(0);
        await expect(page.locator('#history-title ~ .table-scroll tbody tr').count()).resolves.toBeGreaterThan(0);
        expect(await seriousViolations(page)).toEqual([]);
        if (locale !== 'fr') await screenshot(page, `${locale}-commitment`);
      },
    );

    it('a new progress report with an evidence file shows within 2 s, and the file downloads through the portal', async () => {
      const card = await platform.json<Json>(`/commitments/${first.id}`);
      const pending = card.activities.find((a: Json) => a.status !== 'completed');
      const page = await newPage();
      await page.goto(`/en/commitments/${first.id}`);
      const before = await page.locator('.progress-figure').first().textContent();
      const res = await fetch(`${platform.gatewayUrl}/commitments/${first.id}/progress`, {
        ...auth({
          activityId: pending.id,
          done: true,
          reportedOn: '2020-08-30',
          results: { ar: 'تم التقييم', en: 'Evaluated' },
          files: [{ name: 'proof.png', type: 'image/png', content: PNG.toString('base64') }],
        }),
      });
      expect(res.status).toBe(201);
      const reported = Date.now();
      let after = before;
      while (after === before && Date.now() - reported < 2000) {
        await page.reload();
        after = await page.locator('.progress-figure').first().textContent();
      }
      expect(after).toBe('100%');
      const link = page.locator('a[href^="/files/evidence/"]').first();
      const href = (await link.getAttribute('href'))!;
      const download = await fetch(`${platform.portalUrl}${href}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    });

    it('a co-creation cycle: phases with today marked, themes, ideas filtered by channel and fate, workshops with seats left, consultation, statistics, committee', async () => {
      const stats = await platform.json<Json>(`/cycles/${cycleId}/statistics`);
      const page = await newPage({ javaScriptEnabled: false });
      await page.goto(`/en/cycles/${cycleId}`);
      await expect(page.locator('.timeline-phases .phase-today').count()).resolves.toBe(1);
      await expect(page.locator('.timeline-phases .phase').count()).resolves.toBe(7);
      await expect(page.locator('ol.themes li').count()).resolves.toBe(10);
      await expect(page.locator('#ideas ~ p[role=status]').textContent()).resolves.toBe(`${stats.ideas.total} ideas`);
      await page.selectOption('#f-channel', 'workshop');
      await Promise.all([page.waitForEvent('load'), page.click('.filters button[type=submit]')]);
      expect(new URL(page.url()).searchParams.get('channel')).toBe('workshop');
      await expect(page.locator('#ideas ~ p[role=status]').textContent()).resolves.toBe(
        `${stats.ideas.workshop} ideas`,
      );
      await expect(page.locator('.idea-list > li').count()).resolves.toBe(20);
      await expect(page.locator('#workshops-title + ul > li').count()).resolves.toBe(10);
      await expect(page.locator('#workshops-title + ul').textContent()).resolves.toContain('seats left');
      await expect(page.locator('#drafts-title + ul > li').count()).resolves.toBe(stats.proposedCommitments);
      await expect(page.locator('#drafts-title + ul .comments > li').count()).resolves.toBe(
        stats.consultation.comments,
      );
      await expect(page.locator('.key-figures').textContent()).resolves.toContain(
        `Total participants: ${stats.participantsTotal}`,
      );
      await expect(page.locator('#committee-title ~ p').first().textContent()).resolves.toContain('parity');
      // Each idea has its own page (the e-mails about an idea link to it).
      const idea = page.locator('.idea-list > li h3 a').first();
      const title = await idea.textContent();
      await Promise.all([page.waitForURL(`**/en/cycles/${cycleId}/ideas/**`), idea.click()]);
      await expect(page.textContent('h1')).resolves.toBe(title);
      expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    });

    it('publications appear in the reader language, on the home page too', async () => {
      const page = await newPage();
      for (const locale of ['ar', 'fr', 'en'] as const) {
        await page.goto(`/${locale}/publications`);
        await expect(page.locator('article h2').first().textContent()).resolves.toBe(publicationTitle[locale]);
        await page.goto(`/${locale}`);
        await expect(page.locator('#publications-title ~ ul').textContent()).resolves.toContain(
          publicationTitle[locale],
        );
      }
    });

    it('open data: the published report downloads through the portal', async () => {
      const page = await newPage();
      await page.goto('/en/open-data');
      const href = await page.locator(`a[href="/files/reports/${reportId}"]`).getAttribute('href');
      const res = await fetch(`${platform.portalUrl}${href}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      expect((await res.text()).length).toBeGreaterThan(20);
    });

    it.each(LANGUAGES)(
      'every public page in $locale: lang and dir right, no serious or critical axe violation',
      async ({ locale, dir }) => {
        const page = await newPage();
        const idea = (await platform.json<Json>(`/cycles/${cycleId}/ideas?limit=1`)).items[0];
        for (const path of [
          '',
          `/plans/${planId}`,
          `/commitments/${first.id}`,
          `/cycles/${cycleId}`,
          `/cycles/${cycleId}/ideas/${idea.id}`,
          '/publications',
          '/open-data',
          '/login',
        ]) {
          await page.goto(`/${locale}${path}`);
          expect([path, await page.getAttribute('html', 'lang'), await page.getAttribute('html', 'dir')]).toEqual([
            path,
            locale,
            dir,
          ]);
          expect([path, await seriousViolations(page)]).toEqual([path, []]);
        }
        if (locale !== 'fr') {
          await page.goto(`/${locale}/cycles/${cycleId}`);
          await screenshot(page, `${locale}-cycle`);
          await page.goto(`/${locale}`);
          await screenshot(page, `${locale}-home`);
        }
      },
      600000,
    );

    it('the plan filters are usable with the keyboard alone', async () => {
      const page = await newPage();
      await page.goto(`/en/plans/${planId}`);
      await page.focus('#f-q');
      await page.keyboard.type('portal');
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.getAttribute('type') === 'submit')) break;
      }
      await Promise.all([page.waitForURL('**q=portal**'), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('portal');
      // A visible focus ring on links and controls.
      await page.focus('.commitment-list a, .filters select');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
    });
  });
}
