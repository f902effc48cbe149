import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { logIn, suitePages } from './suite-pages';

interface Activity {
  id: string;
  weight: number | null;
  progress: number;
  status: string;
}
interface Commitment {
  id: string;
  planId: string;
  leadInstitutionId: string;
  progress: number;
  activities: Activity[];
  trackingStrategy: string;
}

/** A small real PDF (the commitments service checks the bytes start with %PDF-). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const OTHER_PASSWORD = 'Wq8-tadbir-Akhar-Nahr-2026';

export function pmSuite(ctx: PortalContext): void {
  describe('project manager space in a real browser: dashboard, progress with evidence, scope', () => {
    const platform = ctx.platform;
    const { contexts, newPage, closeAll } = suitePages(ctx);
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    let pm = '';
    /** Commitments of the manager's institution with an unfinished activity (the demo leaves one per commitment): one per language. */
    const targets: Commitment[] = [];
    let target: Commitment;
    let otherEmail = '';
    let otherToken = '';

    // Read with a token: the gateway shares anonymous reads until a change reaches it, these must be fresh.
    const fresh = () => ({ headers: { authorization: `Bearer ${pm}` } });
    const commitment = (id: string) => platform.json<Commitment>(`/commitments/${id}`, fresh());
    const planProgress = async (planId: string) =>
      (await platform.json<{ progress: number }>(`/plans/${planId}`, fresh())).progress;
    const reportsOf = (id: string) =>
      platform.json<{
        total: number;
        items: {
          activityId: string;
          progress: number;
          evidence: { type?: string; name?: string; fileId?: string }[];
        }[];
      }>(`/commitments/${id}/reports?limit=5`, fresh());

    beforeAll(async () => {
      pm = (await platform.login('pm@demo.ogp.ma')).accessToken;
      const admin = (await platform.login('admin@demo.ogp.ma')).accessToken;
      const me = await platform.json<{ scopes: { institutions: string[]; programmes: string[] } }>('/me', {
        headers: auth(pm),
      });
      const institution = me.scopes.institutions[0];
      const mine = await platform.json<{ items: { id: string }[] }>(
        `/commitments?institutionId=${institution}&limit=100`,
      );
      for (const c of mine.items) {
        const full = await commitment(c.id);
        if (full.trackingStrategy === 'weighted_activities' && full.activities.some((a) => a.progress < 100))
          targets.push(full);
      }
      expect(targets.length).toBeGreaterThanOrEqual(4);
      target = targets[0];
      // A project manager of another institution of the same programme.
      const institutions = await platform.json<{ items: { id: string }[] }>('/institutions?limit=100');
      const other = institutions.items.find((i) => i.id !== institution)!.id;
      otherEmail = `pm-other-${Date.now()}@example.ma`;
      await platform.json('/accounts', {
        method: 'POST',
        headers: auth(admin),
        body: JSON.stringify({
          email: otherEmail,
          password: OTHER_PASSWORD,
          displayName: 'Other PM',
          roles: ['project_manager'],
          scopes: { institutions: [other], programmes: me.scopes.programmes },
        }),
      });
      otherToken = (await platform.login(otherEmail, OTHER_PASSWORD)).accessToken;
    }, 120000);

    afterAll(async () => {
      await closeAll();
    });

    it.each([
      { locale: 'ar', dir: 'rtl', done: 'سُجل التقرير', tooBig: 'أكبر من', index: 0 },
      { locale: 'en', dir: 'ltr', done: 'Report recorded', tooBig: 'larger than', index: 1 },
    ])(
      '$locale: a project manager reports progress with a PDF evidence file and sees the plan’s progress change',
      async ({ locale, dir, done, tooBig, index }) => {
        const target = targets[index];
        const page = await newPage();
        const csp = collectCspViolations(page);
        await logIn(page, locale, 'pm@demo.ogp.ma');
        expect(await page.getAttribute('html', 'dir')).toBe(dir);
        await page.goto(`/${locale}/pm`);
        await page.locator(`li[data-commitment="${target.id}"]`).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `pm-${locale}-dashboard`);

        const before = await commitment(target.id);
        const activity = before.activities.find((a) => a.progress < 100)!;
        const planBefore = await planProgress(target.planId);
        const reportsBefore = (await reportsOf(target.id)).total;
        await page.goto(`/${locale}/pm/commitments/${target.id}?activity=${activity.id}`);
        expect(await page.getAttribute('#plan-progress', 'data-value')).toBe(String(planBefore));
        expect(await page.inputValue('#report-form-activityId')).toBe(activity.id);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `pm-${locale}-commitment`);

        // Too big a file is said at once, before anything is sent.
        await page.setInputFiles('#report-form-file', {
          name: 'big.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.concat([PDF, Buffer.alloc(600 * 1024)]),
        });
        await expect(page.locator('#report-form-file-check').textContent()).resolves.toContain(tooBig);
        await page.click('#report-form button[value=submit]');
        expect(await page.getAttribute('#report-form-file', 'aria-invalid')).toBe('true');
        await page.waitForTimeout(1000);
        expect(await page.locator('#report-form-done').count()).toBe(0);
        expect((await reportsOf(target.id)).total).toBe(reportsBefore);

        await page.setInputFiles('#report-form-file', {
          name: 'rapport.pdf',
          mimeType: 'application/pdf',
          buffer: PDF,
        });
        await expect(page.locator('#report-form-file-check').textContent()).resolves.toContain('rapport.pdf');
        await page.check('#report-form-complete');
        await page.fill('#report-form-results_ar', 'أنجز النشاط ونشرت الوثائق.');
        await page.fill('#report-form-evidenceUrl', 'https://www.service-public.ma/rapport');
        await page.click('#report-form button[value=submit]');
        const outcome = page.locator('#report-form-done[role=status]');
        await outcome.waitFor({ timeout: 30000 });
        const planAfter = await planProgress(target.planId);
        expect(planAfter).toBeGreaterThan(planBefore);
        expect(await outcome.textContent()).toContain(done);

        // Written once, with the PDF stored as such; the page shows the plan's new progress.
        const reports = await reportsOf(target.id);
        expect(reports.total).toBe(reportsBefore + 1);
        expect(reports.items[0]).toMatchObject({ activityId: activity.id, progress: 100 });
        expect(reports.items[0].evidence.find((e) => e.fileId)).toMatchObject({
          name: 'rapport.pdf',
          type: 'application/pdf',
        });
        await page.reload();
        expect(Number(await page.getAttribute('#plan-progress', 'data-value'))).toBe(planAfter);
        expect(csp).toEqual([]);
      },
    );

    it.each([
      { locale: 'ar', title: 'هذا الالتزام ليس من التزامات مؤسستك' },
      { locale: 'en', title: "This commitment is not your institution's" },
    ])(
      '$locale: a project manager of another institution can neither open nor post to that commitment (the page says so, nothing is written)',
      async ({ locale, title }) => {
        const page = await newPage();
        await logIn(page, locale, otherEmail, { password: OTHER_PASSWORD });
        await page.goto(`/${locale}/pm`);
        expect(await page.locator(`li[data-commitment="${target.id}"]`).count()).toBe(0);
        await page.goto(`/${locale}/pm/commitments/${target.id}`);
        await expect(page.locator('h1').textContent()).resolves.toBe(title);
        expect(await page.locator('form#report-form, form#weights-form, form#blocker-form').count()).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `pm-${locale}-not-yours`);

        const reportsBefore = (await reportsOf(target.id)).total;
        const progressBefore = (await commitment(target.id)).progress;
        const activityId = target.activities[0].id;
        const posted = await fetch(`${platform.gatewayUrl}/commitments/${target.id}/progress`, {
          method: 'POST',
          headers: { ...auth(otherToken), 'accept-language': locale },
          body: JSON.stringify({ activityId, progress: 90, reportedOn: '2020-01-01' }),
        });
        expect(posted.status).toBe(403);
        const blocker = await fetch(`${platform.gatewayUrl}/commitments/${target.id}/blockers`, {
          method: 'POST',
          headers: auth(otherToken),
          body: JSON.stringify({ title: 'ليس لي', description: 'محاولة من مؤسسة أخرى' }),
        });
        expect(blocker.status).toBe(403);
        expect((await reportsOf(target.id)).total).toBe(reportsBefore);
        expect((await commitment(target.id)).progress).toBe(progressBefore);
      },
    );

    it('en, without JavaScript: a file of a refused type, or whose bytes are not what its name says, is answered against the file field; nothing is written', async () => {
      const scripted = await newPage();
      await logIn(scripted, 'en', 'pm@demo.ogp.ma');
      const plain = await ctx.browser.newContext({ baseURL: platform.portalUrl, javaScriptEnabled: false });
      contexts.push(plain);
      await plain.addCookies(await scripted.context().cookies());
      const page = await plain.newPage();
      const target = targets[0];
      const reportsBefore = (await reportsOf(target.id)).total;
      const send = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
        await page.goto(`/en/pm/commitments/${target.id}`);
        await page.fill('#report-form-progress', '40');
        await page.setInputFiles('#report-form-file', file);
        await Promise.all([page.waitForLoadState('load'), page.click('#report-form button[value=submit]')]);
        await page.locator('#report-form-error[role=alert]').waitFor();
        expect(await page.getAttribute('#report-form-file', 'aria-invalid')).toBe('true');
        return page.locator('#report-form-file-error').textContent();
      };
      await expect(
        send({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not evidence') }),
      ).resolves.toContain('File type not accepted');
      // A PNG named and declared as a PDF: the portal lets it through, the commitments service reads its bytes and refuses it.
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      await expect(send({ name: 'report.pdf', mimeType: 'application/pdf', buffer: png })).resolves.toBeTruthy();
      expect((await reportsOf(target.id)).total).toBe(reportsBefore);
    });

    it('ar: adds an activity, removes it only once confirmed, records a communication activity and raises a blocker, each checked through the gateway', async () => {
      const target = targets[1];
      const page = await newPage();
      await logIn(page, 'ar', 'pm@demo.ogp.ma');
      await page.goto(`/ar/pm/commitments/${target.id}`);
      await page.fill('#add-activity-title_ar', 'ورشة تقييم إضافية');
      await page.fill('#add-activity-startDate', '2020-01-01');
      await page.fill('#add-activity-endDate', '2020-12-31');
      await page.fill('#add-activity-weight', '10');
      await page.click('#add-activity button[value=submit]');
      await page.locator('#add-activity-done[role=status]').waitFor();
      const added = (
        await platform.json<{ activities: { id: string; title: { ar: string }; weight: number | null }[] }>(
          `/commitments/${target.id}`,
          fresh(),
        )
      ).activities.find((a) => a.title.ar === 'ورشة تقييم إضافية');
      expect(added).toMatchObject({ weight: 10 });

      await page.selectOption('#remove-activity-activityId', added!.id);
      await page.click('#remove-activity button[value=submit]');
      await page.locator('#remove-activity-confirm-error').waitFor();
      expect((await commitment(target.id)).activities.some((a) => a.id === added!.id)).toBe(true);
      await page.check('#remove-activity-confirm');
      await page.click('#remove-activity button[value=submit]');
      await page.locator('#remove-activity-done[role=status]').waitFor();
      expect((await commitment(target.id)).activities.some((a) => a.id === added!.id)).toBe(false);

      await page.selectOption('#communication-form-kind', 'press');
      await page.fill('#communication-form-title_ar', 'مقال صحفي عن الالتزام');
      await page.fill('#communication-form-link', 'https://www.example.ma/article');
      await page.click('#communication-form button[value=submit]');
      await page.locator('#communication-form-done[role=status]').waitFor();
      const comms = await platform.json<
        { title: { ar: string }; kind: string }[] | { items: { title: { ar: string }; kind: string }[] }
      >(`/commitments/${target.id}/communications`, fresh());
      expect(
        (Array.isArray(comms) ? comms : comms.items).some(
          (c) => c.title.ar === 'مقال صحفي عن الالتزام' && c.kind === 'press',
        ),
      ).toBe(true);

      await page.fill('#blocker-form-title', 'تأخر في توفير القاعة');
      await page.fill('#blocker-form-description', 'لم توفر العمالة القاعة المطلوبة للورشة.');
      await page.click('#blocker-form button[value=submit]');
      await page.locator('#blocker-form-done[role=status]').waitFor();
      const blockers = await platform.json<{ items: { title: string; status: string }[] }>(
        `/blockers?commitmentId=${target.id}&limit=100`,
        { headers: auth(pm) },
      );
      expect(blockers.items.find((b) => b.title === 'تأخر في توفير القاعة')).toMatchObject({ status: 'open' });
    });

    it('en: the dashboard follows a report made elsewhere live, within seconds and without a reload', async () => {
      const target = targets[3];
      const page = await newPage();
      await logIn(page, 'en', 'pm@demo.ogp.ma');
      const streamOpen = page.waitForResponse(
        (r) => r.url().endsWith(`/en/plans/${target.planId}/live`) && r.status() === 200,
      );
      await page.goto('/en/pm');
      await streamOpen;
      const figure = `li[data-commitment="${target.id}"] [data-live="commitment:${target.id}"] .progress-figure`;
      const before = await page.locator(figure).textContent();
      const activity = (await commitment(target.id)).activities.find((a) => a.progress < 100)!;
      const reportedAt = Date.now();
      await platform.json(`/commitments/${target.id}/progress`, {
        method: 'POST',
        headers: auth(pm),
        body: JSON.stringify({ activityId: activity.id, done: true, reportedOn: '2020-08-31' }),
      });
      await page.waitForFunction(
        ([selector, text]) => document.querySelector(selector)?.textContent !== text,
        [figure, before] as const,
        { timeout: 10000 },
      );
      const after = await commitment(target.id);
      await expect(page.locator(figure).textContent()).resolves.toBe(
        new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(after.progress / 100),
      );
      // Two seconds is the bar (issue 11); logged for the record, the machine is shared.
      console.log(`pm dashboard live update after ${Date.now() - reportedAt} ms`);
    });

    it('en: the weights editor shows the normalised shares and the resulting progress while typing; without JavaScript, Preview asks the server; nothing is saved until Save', async () => {
      // A commitment no test reported on: an unfinished activity, so the weights move its progress.
      const target = targets[2];
      const page = await newPage();
      await logIn(page, 'en', 'pm@demo.ogp.ma');
      const before = await commitment(target.id);
      const [first] = before.activities;
      await page.goto(`/en/pm/commitments/${target.id}#weights`);
      const result = page.locator('#weights-form-result');
      const initial = await result.textContent();
      await page.fill(`#weights-form-${first.id}`, '1000');
      await page.waitForFunction(
        (text) => document.querySelector('#weights-form-result')?.textContent !== text,
        initial,
      );
      expect((await commitment(target.id)).activities[0].weight).toBe(first.weight ?? null);

      const plain = await ctx.browser.newContext({ baseURL: platform.portalUrl, javaScriptEnabled: false });
      contexts.push(plain);
      await plain.addCookies(await page.context().cookies());
      const noJs = await plain.newPage();
      await noJs.goto(`/en/pm/commitments/${target.id}`);
      await noJs.fill(`#weights-form-${first.id}`, 'abc');
      await Promise.all([noJs.waitForLoadState('load'), noJs.click('#weights-form button[value=preview]')]);
      expect(await noJs.getAttribute(`#weights-form-${first.id}`, 'aria-invalid')).toBe('true');
      await noJs.fill(`#weights-form-${first.id}`, '1000');
      await Promise.all([noJs.waitForLoadState('load'), noJs.click('#weights-form button[value=preview]')]);
      await expect(noJs.locator('#weights-form-done').textContent()).resolves.toContain('nothing saved');
      expect((await commitment(target.id)).activities[0].weight).toBe(first.weight ?? null);
    });
  });
}
