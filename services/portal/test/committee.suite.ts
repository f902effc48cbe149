import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { logIn, suitePages } from './suite-pages';

interface Blocker {
  id: string;
  status: string;
  answer: string | null;
}

export function committeeSuite(ctx: PortalContext): void {
  describe('steering committee space in a real browser: alerts, intervention requests, reports, preferences', () => {
    const platform = ctx.platform;
    const { newPage, closeAll } = suitePages(ctx);
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    let pm = '';
    let committee = '';
    let commitmentId = '';
    const blockers: Record<string, string> = {};

    const blocker = async (id: string): Promise<Blocker> => {
      const list = await platform.json<{ items: Blocker[] }>(`/blockers?commitmentId=${commitmentId}&limit=100`, {
        headers: auth(pm),
      });
      return list.items.find((b) => b.id === id)!;
    };

    beforeAll(async () => {
      pm = (await platform.login('pm@demo.ogp.ma')).accessToken;
      committee = (await platform.login('committee@demo.ogp.ma')).accessToken;
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const me = await platform.json<{ scopes: { institutions: string[] } }>('/me', { headers: auth(pm) });
      commitmentId = (
        await platform.json<{ items: { id: string }[] }>(
          `/commitments?institutionId=${me.scopes.institutions[0]}&limit=1`,
        )
      ).items[0].id;
      for (const locale of ['ar', 'en']) {
        const raised = await platform.json<{ id: string }>(`/commitments/${commitmentId}/blockers`, {
          method: 'POST',
          headers: auth(pm),
          body: JSON.stringify({
            title: `تأخر تحويل الاعتمادات ${locale}`,
            description: 'لم تحول وزارة المالية الاعتمادات المبرمجة لهذه السنة.',
          }),
        });
        blockers[locale] = raised.id;
      }
      // The demo plan (2018-2020) has overdue activities: the sweep raises the programme's alerts.
      await platform.json('/admin/sweeps/overdue', { method: 'POST', headers: auth(coordinator), body: '{}' });
      await platform.json('/admin/sweeps/late_reporting', { method: 'POST', headers: auth(coordinator), body: '{}' });
    }, 120000);

    afterAll(async () => {
      await closeAll();
    });

    it.each([
      { locale: 'ar', answer: 'ستتدخل اللجنة لدى وزارة المالية هذا الأسبوع.', done: 'سُجل الرد', overdue: 'نشاط متأخر' },
      {
        locale: 'en',
        answer: 'The committee will raise it with the Ministry of Finance this week.',
        done: 'Answer recorded',
        overdue: 'Overdue activity',
      },
    ])(
      '$locale: a committee member filters the alerts, answers a blocker and closes it; the project manager sees the answer',
      async ({ locale, answer, done, overdue }) => {
        const page = await newPage();
        const csp = collectCspViolations(page);
        await logIn(page, locale, 'committee@demo.ogp.ma');
        await page.goto(`/${locale}/committee`);
        expect(await page.locator('.alert-list > li').count()).toBeGreaterThan(0);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `committee-${locale}-alerts`);
        await page.selectOption('#f-kind', 'overdue');
        await Promise.all([
          page.waitForURL('**/committee?kind=overdue**'),
          page.click('form.filters button[type=submit]'),
        ]);
        const kinds = await page
          .locator('.alert-list > li')
          .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
        expect(kinds.length).toBeGreaterThan(0);
        expect(new Set(kinds)).toEqual(new Set(['overdue']));
        await expect(page.locator('.alert-list > li .badge').first().textContent()).resolves.toBe(overdue);
        expect(await page.locator('.alert-list > li a[href*="/commitments/"]').first().getAttribute('href')).toMatch(
          new RegExp(`^/${locale}/commitments/[0-9a-f-]{36}$`),
        );

        await page.goto(`/${locale}/committee/interventions`);
        const card = page.locator(`li[data-blocker="${blockers[locale]}"]`);
        await card.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `committee-${locale}-interventions`);
        await card.locator('textarea[name=answer]').fill(answer);
        await card.locator('form[id^=answer-] button[value=submit]').click();
        await expect(card.locator('[role=status]').textContent()).resolves.toContain(done);
        await expect(blocker(blockers[locale])).resolves.toMatchObject({ status: 'answered', answer });

        // The project manager reads the answer on the commitment's page.
        const pmPage = await newPage();
        await logIn(pmPage, locale, 'pm@demo.ogp.ma');
        await pmPage.goto(`/${locale}/pm/commitments/${commitmentId}#blockers`);
        await expect(
          pmPage.locator('.blocker-list li[data-status=answered] .blocker-answer', { hasText: answer }).count(),
        ).resolves.toBe(1);

        await page.goto(`/${locale}/committee/interventions?status=answered`);
        await page.locator(`li[data-blocker="${blockers[locale]}"] form[id^=close-] button[value=submit]`).click();
        await page.locator(`li[data-blocker="${blockers[locale]}"] [role=status]`).waitFor();
        await expect(blocker(blockers[locale])).resolves.toMatchObject({ status: 'closed' });
        expect(csp).toEqual([]);
      },
    );

    it.each(['ar', 'en'])(
      '%s: reports and meeting reminder, notification preferences (daily digest): pages pass axe',
      async (locale) => {
        const page = await newPage();
        await logIn(page, locale, 'committee@demo.ogp.ma');
        await page.goto(`/${locale}/committee/reports`);
        await page.locator('#next-meeting-reminder').waitFor();
        await page.click('#report-request button[value=submit]');
        await page.locator('#report-request-done[role=status]').waitFor({ timeout: 30000 });
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `committee-${locale}-reports`);

        await page.goto(`/${locale}/committee/preferences`);
        const blockerPref = page.locator('li[data-type="commitments.blocker.raised"]');
        await blockerPref.locator('input[value=digest]').check();
        await blockerPref.locator('button[value=submit]').click();
        await blockerPref.locator('[role=status]').waitFor();
        const prefs = await platform.json<Record<string, string>>('/me/notification-preferences', {
          headers: auth(committee),
        });
        expect(prefs['commitments.blocker.raised']).toBe('digest');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `committee-${locale}-preferences`);
      },
    );

    it('a project manager is told the committee space is not theirs', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'pm@demo.ogp.ma');
      await page.goto('/en/committee/interventions');
      await expect(page.locator('.notice[role=alert]').textContent()).resolves.toContain(
        'for steering committee members',
      );
      expect(await page.locator('form[id^=answer-]').count()).toBe(0);
    });
  });
}
