import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of our own API, read loosely by a test
type Json = Record<string, any>;

export function liveSuite(ctx: PortalContext): void {
  describe('live progress in a real browser: a plan page follows a report made elsewhere', () => {
    it.each([
      { locale: 'ar', said: (figure: string) => `تحدّث التقدم مباشرة: بلغت الخطة ${figure}.` },
      { locale: 'en', said: (figure: string) => `Progress updated live: the plan is at ${figure}.` },
    ])(
      'a visitor on the plan page in $locale sees the plan’s progress change within two seconds of a project manager’s report, without a reload; axe still clean',
      async ({ locale, said }) => {
        const platform = ctx.platform;
        const pm = (await platform.login('pm@demo.ogp.ma')).accessToken;
        const auth = { authorization: `Bearer ${pm}` };
        const institutionId = (await platform.json<Json>('/me', { headers: auth })).scopes.institutions[0] as string;
        // The demo's plan by its code: other suites import plans into the same programme before this one.
        const planId = ((await platform.json<Json>(`/programmes/${platform.programmeId}/plans`)).plans as Json[]).find(
          (p) => p.code === '2018-2020',
        )!.id as string;
        const listed = (
          await platform.json<Json>(`/commitments?planId=${planId}&institutionId=${institutionId}&limit=50`)
        ).items as Json[];
        let target: Json | undefined;
        let activity: Json | undefined;
        for (const summary of listed) {
          const card = await platform.json<Json>(`/commitments/${summary.id}`);
          activity = (card.activities as Json[]).find((a) => a.progress < 100);
          if (activity) {
            target = card;
            break;
          }
        }
        expect(activity).toBeDefined();

        const context = await ctx.browser.newContext({ baseURL: platform.portalUrl });
        try {
          const page = await context.newPage();
          const csp = collectCspViolations(page);
          const streamOpen = page.waitForResponse(
            (r) => r.url().endsWith(`/${locale}/plans/${planId}/live`) && r.status() === 200,
          );
          await page.goto(`/${locale}/plans/${planId}?institutionId=${institutionId}`);
          await streamOpen;
          const overall = page.locator(`[data-live="plan:${planId}"] .progress-figure`);
          const commitmentBar = page.locator(`[data-live="commitment:${target!.id}"] .progress-figure`);
          const [overallBefore, commitmentBefore] = [await overall.textContent(), await commitmentBar.textContent()];
          // Set on this document: still there after the update proves the page was not reloaded.
          await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

          const sentAt = Date.now();
          const res = await fetch(`${platform.gatewayUrl}/commitments/${target!.id}/progress`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({
              activityId: activity!.id,
              progress: 100,
              reportedOn: new Date().toISOString().slice(0, 10),
            }),
          });
          expect(res.status).toBe(201);
          await page.waitForFunction(
            ([selector, before]) => document.querySelector(selector as string)?.textContent !== before,
            [`[data-live="plan:${planId}"] .progress-figure`, overallBefore],
            { timeout: 2000, polling: 25 },
          );
          expect(Date.now() - sentAt).toBeLessThan(2000);
          expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

          // The figures shown live are those a fresh page shows (once the portal's and gateway's public reads, shared a second or two, have caught up).
          const fresh = await context.newPage();
          for (let attempt = 0; attempt < 20; attempt++) {
            await fresh.goto(`/${locale}/plans/${planId}?institutionId=${institutionId}`);
            if ((await fresh.locator(`[data-live="plan:${planId}"] .progress-figure`).textContent()) !== overallBefore)
              break;
            await new Promise((r) => setTimeout(r, 500));
          }
          const expected = {
            overall: await fresh.locator(`[data-live="plan:${planId}"] .progress-figure`).textContent(),
            overallLabel: await fresh.locator(`[data-live="plan:${planId}"] svg`).getAttribute('aria-label'),
            commitment: await fresh.locator(`[data-live="commitment:${target!.id}"] .progress-figure`).textContent(),
            fill: await fresh.locator(`[data-live="plan:${planId}"] .progress-fill`).getAttribute('width'),
            areas: await fresh.locator('[data-live^="area:"] .bar-figure').allTextContents(),
            levels: await fresh.locator('[data-live^="level:"] .bar-figure').allTextContents(),
            badge: await fresh.locator(`[data-live-level="${target!.id}"]`).textContent(),
          };
          await fresh.close();
          expect(expected.overall).not.toBe(overallBefore);
          expect(expected.commitment).not.toBe(commitmentBefore);
          await expect(overall.textContent()).resolves.toBe(expected.overall);
          await expect(page.locator(`[data-live="plan:${planId}"] svg`).getAttribute('aria-label')).resolves.toBe(
            expected.overallLabel,
          );
          await expect(page.locator(`[data-live="plan:${planId}"] .progress-fill`).getAttribute('width')).resolves.toBe(
            expected.fill,
          );
          await expect(commitmentBar.textContent()).resolves.toBe(expected.commitment);
          await expect(page.locator('[data-live^="area:"] .bar-figure').allTextContents()).resolves.toEqual(
            expected.areas,
          );
          await expect(page.locator('[data-live^="level:"] .bar-figure').allTextContents()).resolves.toEqual(
            expected.levels,
          );
          await expect(page.locator(`[data-live-level="${target!.id}"]`).textContent()).resolves.toBe(expected.badge);
          // Screen readers hear it once, politely, in the page's language.
          await expect(page.locator('.live-status[aria-live=polite]').textContent()).resolves.toBe(
            said(expected.overall as string),
          );
          await screenshot(page, `${locale}-plan-live`);
          expect(await seriousViolations(page)).toEqual([]);
          expect(csp).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
}
