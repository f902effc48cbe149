import { waitFor } from '@ogp/testing';
import { Page } from 'playwright-core';
import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { suitePages } from './suite-pages';

const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const PASSWORD = 'Zq7-mursh-Talaba-Nahr-2026';

/** The existing idea a newcomer's text resembles (submitted through the API by the demo citizen). */
const EXISTING = {
  title: 'نشر ميزانيات الجماعات الترابية على الإنترنت',
  body: 'يجب على كل جماعة ترابية نشر ميزانيتها كاملة على الإنترنت كبيانات مفتوحة كل سنة.',
};

export function citizenSuite(ctx: PortalContext): void {
  describe('citizen and CSO space in a real browser: register, ideas and their fate, notifications', () => {
    const platform = ctx.platform;
    const { contexts, newPage, closeAll } = suitePages(ctx);
    let coordinator = '';
    let openCycle = { id: '', themes: [] as { id: string; number: number }[] };
    let laterCycleId = '';
    let workshopId = '';
    let draftId = '';

    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

    async function createCycle(
      code: string,
      ideas: [number, number],
    ): Promise<{ id: string; themes: { id: string; number: number }[] }> {
      const now = Date.now();
      return platform.json('/cycles', {
        method: 'POST',
        headers: auth(coordinator),
        body: JSON.stringify({
          programmeId: platform.programmeId,
          code,
          title: { ar: `دورة الاختبار ${code}`, fr: `Cycle de test ${code}`, en: `Test cycle ${code}` },
          phases: [
            { kind: 'ideas', opensAt: iso(ideas[0]), closesAt: iso(ideas[1]) },
            { kind: 'consultation', opensAt: iso(now - DAY), closesAt: iso(now + 30 * DAY) },
            { kind: 'candidacy', opensAt: iso(now - DAY), closesAt: iso(now + 30 * DAY) },
          ],
          themes: [
            {
              number: 1,
              title: { ar: 'الشفافية الميزانياتية', fr: 'Transparence budgétaire', en: 'Budget transparency' },
            },
            {
              number: 2,
              title: { ar: 'الولوج إلى المعلومات', fr: "Accès à l'information", en: 'Access to information' },
            },
          ],
        }),
      });
    }

    /** Registers through the portal's form and lands in the person's space. */
    async function register(
      page: Page,
      locale: string,
      name: string,
      email: string,
      role: 'citizen' | 'cso' = 'citizen',
    ): Promise<void> {
      await page.goto(`/${locale}/register`);
      await page.fill('#register-displayName', name);
      await page.fill('#register-email', email);
      await page.fill('#register-password', PASSWORD);
      await page.check(`#register-role-${role}`);
      await Promise.all([page.waitForURL(`**/${locale}/me`), page.click('#register button[value=submit]')]);
    }

    async function accessToken(page: Page): Promise<string> {
      return (await page.context().cookies()).find((c) => c.name === 'ogp_at')!.value;
    }

    beforeAll(async () => {
      coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const now = Date.now();
      openCycle = await createCycle('CITIZEN-OPEN', [now - DAY, now + 30 * DAY]);
      laterCycleId = (
        await createCycle('CITIZEN-LATER', [Date.parse('2031-03-01T09:00:00Z'), Date.parse('2031-04-01T09:00:00Z')])
      ).id;
      workshopId = (
        await platform.json<{ id: string }>('/workshops', {
          method: 'POST',
          headers: auth(coordinator),
          body: JSON.stringify({
            cycleId: openCycle.id,
            themeId: openCycle.themes[0].id,
            number: 1,
            title: {
              ar: 'لقاء الشفافية الميزانياتية',
              fr: 'Atelier transparence budgétaire',
              en: 'Budget transparency workshop',
            },
            organiser: 'Transparency Maroc',
            institutions: ['Ministère des Finances'],
            startsAt: iso(now + 20 * DAY),
            registrationOpensAt: iso(now - DAY),
            registrationClosesAt: iso(now + 15 * DAY),
            capacity: 5,
          }),
        })
      ).id;
      draftId = (
        await platform.json<{ id: string }>('/drafts', {
          method: 'POST',
          headers: auth(coordinator),
          body: JSON.stringify({
            cycleId: openCycle.id,
            number: 1,
            title: { ar: 'نشر الميزانيات المفتوحة', fr: 'Publier des budgets ouverts', en: 'Publish open budgets' },
            institution: 'Ministry of Finance',
          }),
        })
      ).id;
      const citizen = (await platform.login('citizen@demo.ogp.ma')).accessToken;
      await platform.json('/ideas', {
        method: 'POST',
        headers: auth(citizen),
        body: JSON.stringify({ cycleId: openCycle.id, themeId: openCycle.themes[0].id, ...EXISTING }),
      });
    }, 120000);

    afterAll(async () => {
      await closeAll();
    });

    it('ar: a citizen registers, submits an idea with a similar one suggested while typing, follows its fate and is notified', async () => {
      const page = await newPage();
      const csp = collectCspViolations(page);
      const email = `amina-${Date.now()}@example.ma`;
      await register(page, 'ar', 'أمينة التجريبية', email);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await expect(page.textContent('h1')).resolves.toBe('فضائي');

      await page.goto(`/ar/me/ideas/new?cycle=${openCycle.id}`);
      await expect(page.locator('.notice').textContent()).resolves.toContain('مفتوح إلى غاية');
      await page.selectOption('#idea-themeId', openCycle.themes[0].id);
      await page.fill('#idea-title', 'نشر ميزانية الجماعات الترابية على الإنترنت');
      await page.fill('#idea-body', 'على كل جماعة ترابية أن تنشر ميزانيتها كاملة على الإنترنت كبيانات مفتوحة كل سنة.');
      // Suggested while typing, before anything is sent.
      await page.locator('.similar-ideas li a', { hasText: EXISTING.title }).waitFor({ timeout: 15000 });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-ar-idea-form');
      await page.click('#idea button[value=submit]');
      const done = page.locator('#idea-done[role=status]');
      await done.waitFor();
      expect(await done.textContent()).toContain('توصلنا بفكرتك');
      await expect(done.locator('a', { hasText: EXISTING.title }).count()).resolves.toBe(1);

      await page.goto('/ar/me/ideas');
      const card = page.locator('.idea-card', { hasText: 'نشر ميزانية الجماعات الترابية على الإنترنت' });
      await expect(card.locator('.timeline-step').allTextContents()).resolves.toEqual([
        expect.stringContaining('تم التوصل بها'),
      ]);

      // The coordination team screens it through the API; the author sees the new step and is notified.
      const mine = await platform.json<{ items: { id: string; title: string }[] }>('/me/ideas', {
        headers: auth(await accessToken(page)),
      });
      const ideaId = mine.items.find((i) => i.title.startsWith('نشر ميزانية'))!.id;
      await platform.json(`/ideas/${ideaId}/fate`, {
        method: 'POST',
        headers: auth(coordinator),
        body: JSON.stringify({ step: 'screen', decision: 'accept' }),
      });
      await page.reload();
      const steps = await card.locator('.timeline-step').allTextContents();
      expect(steps).toHaveLength(2);
      expect(steps[1]).toContain('مقبولة بعد الفرز');
      expect(await card.locator('.timeline-step time').nth(1).getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-ar-my-ideas');

      await waitFor(
        async () => {
          await page.reload();
          return (await page.locator('.notification-link .badge').count()) === 1;
        },
        { timeoutMs: 20000, what: 'the unread count in the header' },
      );
      await page.click('.notification-link');
      await page.waitForURL('**/ar/me/notifications');
      const unread = page.locator('.notification-list li[data-read=false]');
      expect(await unread.count()).toBeGreaterThanOrEqual(1);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-ar-notifications');
      await page.click('form.inline-form button:has-text("تعليم الكل كمقروء")');
      await page.waitForFunction(
        () => document.querySelectorAll('.notification-list li[data-read=false]').length === 0,
      );
      await page.waitForFunction(() => document.querySelectorAll('.notification-link .badge').length === 0);
      await page.reload();
      await expect(page.locator('.notification-list li[data-read=true]').count()).resolves.toBeGreaterThanOrEqual(2);
      expect(csp).toEqual([]);
    });

    it('fr: the idea form works without JavaScript; similar ideas are shown on submit; bad input is answered on the page and nothing is written', async () => {
      const scripted = await newPage();
      await register(scripted, 'fr', 'Karim Essai', `karim-${Date.now()}@example.ma`);
      const page = await ctx.browser
        .newContext({ baseURL: platform.portalUrl, javaScriptEnabled: false })
        .then(async (c) => {
          contexts.push(c);
          await c.addCookies(await scripted.context().cookies());
          return c.newPage();
        });
      await page.goto(`/fr/me/ideas/new?cycle=${openCycle.id}`);
      // Too short a title: the gateway refuses, the page says so on the field, nothing is written.
      await page.selectOption('#idea-themeId', openCycle.themes[0].id);
      await page.fill('#idea-title', 'Bud');
      await page.fill('#idea-body', EXISTING.body);
      await Promise.all([page.waitForLoadState('load'), page.click('#idea button[value=submit]')]);
      await page.locator('#idea-error[role=alert]').waitFor();
      expect(await page.getAttribute('#idea-title', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#idea-title', 'aria-describedby')).toContain('idea-title-error');
      await expect(page.locator('#idea-title-error').textContent()).resolves.toBe('De 5 à 200 caractères.');
      expect(await page.inputValue('#idea-body')).toBe(EXISTING.body);
      const token = await accessToken(page);
      await expect(platform.json<{ total: number }>('/me/ideas', { headers: auth(token) })).resolves.toMatchObject({
        total: 0,
      });

      await page.fill('#idea-title', EXISTING.title);
      await Promise.all([page.waitForLoadState('load'), page.click('#idea button[value=submit]')]);
      const done = page.locator('#idea-done[role=status]');
      await expect(done.locator('p').first().textContent()).resolves.toBe(
        'Votre idée a été reçue. Suivez son sort dans « Mes idées ».',
      );
      await expect(done.locator('a', { hasText: EXISTING.title }).count()).resolves.toBe(1);
      await expect(platform.json<{ total: number }>('/me/ideas', { headers: auth(token) })).resolves.toMatchObject({
        total: 1,
      });
      await page.goto('/fr/me/ideas');
      await expect(page.locator('.idea-card .timeline-step').first().textContent()).resolves.toContain('Reçue');
    });

    it.each([
      { locale: 'ar', text: 'هذا الفضاء غير مفتوح بعد. يفتح في 1 مارس 2031' },
      { locale: 'fr', text: "Cet espace n'est pas encore ouvert. Il ouvre le 1 mars 2031" },
      { locale: 'en', text: 'This space is not open yet. It opens on 1 March 2031' },
    ])(
      '$locale: outside the ideas window the page says when it opens, per locale, and offers no form',
      async ({ locale, text }) => {
        const page = await newPage();
        await register(page, locale, `Visitor ${locale}`, `later-${locale}-${Date.now()}@example.ma`);
        await page.goto(`/${locale}/me/ideas/new?cycle=${laterCycleId}`);
        await expect(page.locator('.notice').textContent()).resolves.toContain(text);
        await expect(page.locator('#idea').count()).resolves.toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
      },
    );

    it.each(['ar', 'fr', 'en'])(
      '%s: register, space, my ideas and idea form pages: lang/dir right, no serious or critical axe violation; screenshots',
      async (locale) => {
        const page = await newPage();
        await page.goto(`/${locale}/register`);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(await seriousViolations(page)).toEqual([]);
        if (locale !== 'fr') await screenshot(page, `citizen-${locale}-register`);
        await page.fill('#register-displayName', 'Axe');
        await page.click('#register button[value=submit]');
        await page.locator('#register-error[role=alert]').waitFor();
        expect(await page.getAttribute('#register-email', 'aria-invalid')).toBe('true');
        expect(await seriousViolations(page)).toEqual([]);
        await register(page, locale, `Axe ${locale}`, `axe-${locale}-${Date.now()}@example.ma`);
        for (const path of ['/me', '/me/ideas', '/me/ideas/new', '/me/notifications']) {
          await page.goto(`/${locale}${path}`);
          expect([path, await seriousViolations(page)]).toEqual([path, []]);
          if (locale !== 'fr' && path === '/me') await screenshot(page, `citizen-${locale}-space`);
        }
      },
    );
    it('fr: registers for a workshop (code shown and e-mailed, one seat fewer) and cancels it with the code (seat freed)', async () => {
      const page = await newPage();
      const email = `salma-${Date.now()}@example.ma`;
      await register(page, 'fr', 'Salma Essai', email);
      // Registration e-mails are off by default: she turns them on in her settings first.
      await page.goto('/fr/me/settings');
      const registrations = page.locator('.preference[data-type="participation.registration.confirmed"]');
      await registrations.locator('input[value=immediate]').check();
      await registrations.locator('button[value=submit]').click();
      await registrations.locator('[role=status]').waitFor();
      await page.goto(`/fr/me/take-part?cycle=${openCycle.id}`);
      const card = page.locator(`.workshop[data-workshop="${workshopId}"]`);
      await expect(card.locator('.seats-left').textContent()).resolves.toBe('5 places restantes');
      await card.locator('button[value=submit]').click();
      const done = card.locator('[role=status]');
      await done.waitFor();
      const code = /Code de confirmation : ([A-Z0-9-]+)\./.exec((await done.textContent()) ?? '')?.[1];
      expect(code).toBeTruthy();
      await page.reload();
      await expect(card.locator('.seats-left').textContent()).resolves.toBe('4 places restantes');
      await waitFor(() => ctx.mailbox.to(email).some((m) => m.text.includes(code!)), {
        timeoutMs: 30000,
        what: 'the confirmation e-mail with the code',
      });
      await screenshot(page, 'citizen-fr-take-part');

      // A wrong code is refused on the page, linked to the field, and frees nothing.
      await page.selectOption('#cancel-registration-workshopId', workshopId);
      await page.fill('#cancel-registration-code', 'NOTACODE');
      await page.click('#cancel-registration button[value=submit]');
      await page.locator('#cancel-registration-error[role=alert]').waitFor();
      await page.reload();
      await expect(card.locator('.seats-left').textContent()).resolves.toBe('4 places restantes');
      await page.selectOption('#cancel-registration-workshopId', workshopId);
      await page.fill('#cancel-registration-code', code!);
      await page.click('#cancel-registration button[value=submit]');
      await expect(page.locator('#cancel-registration-done').textContent()).resolves.toContain(
        'Votre inscription est annulée',
      );
      await page.reload();
      await expect(card.locator('.seats-left').textContent()).resolves.toBe('5 places restantes');
    });

    it('en: comments on a draft commitment during the consultation; a too short comment is refused on the page and nothing is written', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      const scripted = await newPage();
      await register(scripted, 'en', 'Youssef Test', `youssef-${Date.now()}@example.ma`);
      await page.context().addCookies(await scripted.context().cookies());
      await page.goto(`/en/me/take-part?cycle=${openCycle.id}`);
      const before = (await platform.json<{ total: number }>(`/drafts/${draftId}/comments`)).total;
      await page.fill('#draft-1-body', 'ok');
      await Promise.all([page.waitForLoadState('load'), page.click('#draft-1 button[value=submit]')]);
      await page.locator('#draft-1-error[role=alert]').waitFor();
      expect(await page.getAttribute('#draft-1-body', 'aria-invalid')).toBe('true');
      await expect(page.locator('#draft-1-body-error').textContent()).resolves.toBe(
        '3 to 3,000 characters. Forwarded to the institution concerned.',
      );
      expect((await platform.json<{ total: number }>(`/drafts/${draftId}/comments`)).total).toBe(before);
      await page.fill('#draft-1-body', 'Please publish the budgets as CSV every quarter, not only as PDF.');
      await Promise.all([page.waitForLoadState('load'), page.click('#draft-1 button[value=submit]')]);
      await expect(page.locator('#draft-1-done').textContent()).resolves.toContain('Your comment is posted');
      expect((await platform.json<{ total: number }>(`/drafts/${draftId}/comments`)).total).toBe(before + 1);
      await page.goto(`/en/me/take-part?cycle=${openCycle.id}`);
      await expect(page.locator(`.draft[data-draft="${draftId}"] .comment-list`).textContent()).resolves.toContain(
        'Please publish the budgets as CSV',
      );
    });

    it('ar: supports and reports an idea, follows the cycle, sees it in "what I follow" and stops following it', async () => {
      const page = await newPage();
      await register(page, 'ar', 'نادية التجريبية', `nadia-${Date.now()}@example.ma`);
      await page.goto(`/ar/me/take-part?cycle=${openCycle.id}`);
      const idea = page.locator('.idea', { hasText: EXISTING.title }).last();
      const supportsBefore = (
        await platform.json<{ supports: number }>(`/ideas/${await idea.getAttribute('data-idea')}`)
      ).supports;
      await idea.locator('form[id^=support-] button[value=submit]').click();
      await expect(idea.locator('form[id^=support-] [role=status]').textContent()).resolves.toContain('سُجّل دعمك');
      expect(
        (await platform.json<{ supports: number }>(`/ideas/${await idea.getAttribute('data-idea')}`)).supports,
      ).toBe(supportsBefore + 1);
      await idea.locator('details.report summary').click();
      await idea.locator('form[id^=report-] input[name=reason]').fill('مكرر مع فكرة أخرى');
      await idea.locator('form[id^=report-] button[value=submit]').click();
      await expect(idea.locator('form[id^=report-] [role=status]').textContent()).resolves.toContain(
        'توصل فريق التنسيق بإبلاغك',
      );

      await page.click(`#follow-cycle-${openCycle.id} button[value=submit]`);
      await page.locator(`#follow-cycle-${openCycle.id} [role=status]`).waitFor();
      await page.goto('/ar/me/follows');
      const followed = page.locator(`.follow-list li[data-follow="${openCycle.id}"]`);
      await expect(followed.textContent()).resolves.toContain('دورة الاختبار CITIZEN-OPEN');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-ar-follows');
      await followed.locator('button[value=submit]').click();
      // The list is rendered again without it.
      await followed.waitFor({ state: 'detached' });
      await page.reload();
      await expect(page.locator('.follow-list li').count()).resolves.toBe(0);
    });

    it('fr: a CSO applies for a committee seat during the candidacy window; a citizen is told only CSOs can', async () => {
      const page = await newPage();
      await register(page, 'fr', 'Association Essai', `cso-${Date.now()}@example.ma`, 'cso');
      await page.goto(`/fr/me/take-part?cycle=${openCycle.id}`);
      await page.fill('#candidacy-statement', 'Trop court');
      await page.click('#candidacy button[value=submit]');
      await page.locator('#candidacy-error[role=alert]').waitFor();
      expect(await page.getAttribute('#candidacy-statement', 'aria-invalid')).toBe('true');
      await page.fill(
        '#candidacy-statement',
        'Notre association suit la transparence budgétaire locale depuis dix ans et souhaite représenter la société civile.',
      );
      await page.click('#candidacy button[value=submit]');
      await expect(page.locator('#candidacy-done').textContent()).resolves.toContain('Votre candidature a été reçue.');
      const candidacies = await platform.json<{ organisation: string }[]>(`/cycles/${openCycle.id}/candidacies`, {
        headers: auth(coordinator),
      });
      expect(candidacies.map((c) => c.organisation)).toContain('Association Essai');

      const citizenPage = await newPage();
      await register(citizenPage, 'fr', 'Citoyen Essai', `citoyen-${Date.now()}@example.ma`);
      await citizenPage.goto(`/fr/me/take-part?cycle=${openCycle.id}`);
      await expect(citizenPage.locator('#candidacy-title + .notice + p').textContent()).resolves.toContain(
        'réservée aux comptes des organisations',
      );
      await expect(citizenPage.locator('#candidacy').count()).resolves.toBe(0);
    });

    it('en: resets a forgotten password through the e-mailed link (once), changes the password and the account language, sets a notification preference', async () => {
      const page = await newPage();
      const email = `reset-${Date.now()}@example.ma`;
      await register(page, 'en', 'Reset Tester', email);
      await page.context().clearCookies({ name: 'ogp_at' });
      await page.context().clearCookies({ name: 'ogp_rt' });
      await page.goto('/en/login');
      await page.click('a[href="/en/forgot-password"]');
      await page.fill('#forgot-email', email);
      await page.click('#forgot button[value=submit]');
      await page.locator('#forgot-done[role=status]').waitFor();
      const mail = await waitFor(() => ctx.mailbox.to(email).find((m) => /reset-password\?token=/.test(m.text)), {
        timeoutMs: 30000,
        what: 'the reset e-mail',
      });
      const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1];
      await page.goto(`/en/reset-password?token=${token}`);
      await page.fill('#reset-password', 'password');
      await page.click('#reset button[value=submit]');
      await page.locator('#reset-error[role=alert]').waitFor();
      expect(await page.getAttribute('#reset-password', 'aria-invalid')).toBe('true');
      await page.fill('#reset-password', 'Nouveau-Sentier-Olive-2027');
      await Promise.all([page.waitForURL('**/en/login?reset=1'), page.click('#reset button[value=submit]')]);
      await page.goto(`/en/reset-password?token=${token}`);
      await page.fill('#reset-password', 'Encore-Autre-Sentier-2028');
      await page.click('#reset button[value=submit]');
      await expect(page.locator('#reset-error[role=alert]').textContent()).resolves.toBe(
        'This link is invalid, has expired or was already used.',
      );
      await expect(platform.login(email, 'Nouveau-Sentier-Olive-2027')).resolves.toHaveProperty('accessToken');

      await page.goto('/en/login');
      await page.fill('#email', email);
      await page.fill('#password', 'Nouveau-Sentier-Olive-2027');
      await Promise.all([
        page.waitForURL((u) => !u.pathname.endsWith('/login')),
        page.click('form.form button[type=submit]'),
      ]);
      await page.goto('/en/me/settings');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-en-settings');
      await page.fill('#password-currentPassword', 'wrong-password-here');
      await page.fill('#password-newPassword', 'Troisieme-Chemin-Cedre-2029');
      await page.click('#password button[value=submit]');
      await page.locator('#password-error[role=alert]').waitFor();
      expect(await page.getAttribute('#password-currentPassword', 'aria-invalid')).toBe('true');
      await page.fill('#password-currentPassword', 'Nouveau-Sentier-Olive-2027');
      await page.fill('#password-newPassword', 'Troisieme-Chemin-Cedre-2029');
      await page.click('#password button[value=submit]');
      await expect(page.locator('#password-done').textContent()).resolves.toContain('Password changed');
      await expect(platform.login(email, 'Troisieme-Chemin-Cedre-2029')).resolves.toHaveProperty('accessToken');

      const fate = page.locator('.preference[data-type="participation.idea.fate-changed"]');
      await fate.locator('input[value=digest]').check();
      await fate.locator('button[value=submit]').click();
      await fate.locator('[role=status]').waitFor();
      const token2 = (await platform.login(email, 'Troisieme-Chemin-Cedre-2029')).accessToken;
      await expect(
        platform.json<Record<string, string>>('/me/notification-preferences', { headers: auth(token2) }),
      ).resolves.toMatchObject({ 'participation.idea.fate-changed': 'digest' });

      await page.selectOption('#language-language', 'fr');
      await Promise.all([
        page.waitForURL('**/fr/me/settings?saved=language'),
        page.click('#language button[value=submit]'),
      ]);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      await expect(platform.json<{ language: string }>('/auth/me', { headers: auth(token2) })).resolves.toMatchObject({
        language: 'fr',
      });
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/fr');
    });

    it.each(['ar', 'fr', 'en'])(
      '%s: take part, follows, settings, forgot and reset password pages: lang/dir right, no serious or critical axe violation; screenshots',
      async (locale) => {
        const page = await newPage();
        for (const path of ['/forgot-password', '/reset-password?token=abcdefghijklmnopqrstuvwxyz']) {
          await page.goto(`/${locale}${path}`);
          expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
          expect([path, await seriousViolations(page)]).toEqual([path, []]);
        }
        await register(page, locale, `Axe2 ${locale}`, `axe2-${locale}-${Date.now()}@example.ma`, 'cso');
        for (const path of [`/me/take-part?cycle=${openCycle.id}`, '/me/follows', '/me/settings']) {
          await page.goto(`/${locale}${path}`);
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          expect([path, await seriousViolations(page)]).toEqual([path, []]);
          if (locale !== 'fr') await screenshot(page, `citizen-${locale}${path.split('?')[0].replace(/\//g, '-')}`);
        }
      },
    );
  });
}
