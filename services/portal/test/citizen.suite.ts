import { waitFor } from '@ogp/testing';
import { BrowserContext, Page } from 'playwright-core';
import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';

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
  const contexts: BrowserContext[] = [];
  let coordinator = '';
  let openCycle = { id: '', themes: [] as { id: string; number: number }[] };
  let laterCycleId = '';

  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await ctx.browser.newContext({ baseURL: platform.portalUrl, javaScriptEnabled: options.javaScriptEnabled ?? true });
    contexts.push(context);
    return context.newPage();
  }

  const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  async function createCycle(code: string, ideas: [number, number]): Promise<{ id: string; themes: { id: string; number: number }[] }> {
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
          { number: 1, title: { ar: 'الشفافية الميزانياتية', fr: 'Transparence budgétaire', en: 'Budget transparency' } },
          { number: 2, title: { ar: 'الولوج إلى المعلومات', fr: "Accès à l'information", en: 'Access to information' } },
        ],
      }),
    });
  }

  /** Registers through the portal's form and lands in the person's space. */
  async function register(page: Page, locale: string, name: string, email: string, role: 'citizen' | 'cso' = 'citizen'): Promise<void> {
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
    laterCycleId = (await createCycle('CITIZEN-LATER', [Date.parse('2031-03-01T09:00:00Z'), Date.parse('2031-04-01T09:00:00Z')])).id;
    const citizen = (await platform.login('citizen@demo.ogp.ma')).accessToken;
    await platform.json('/ideas', { method: 'POST', headers: auth(citizen), body: JSON.stringify({ cycleId: openCycle.id, themeId: openCycle.themes[0].id, ...EXISTING }) });
  }, 120000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
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
    await expect(card.locator('.timeline-step').allTextContents()).resolves.toEqual([expect.stringContaining('تم التوصل بها')]);

    // The coordination team screens it through the API; the author sees the new step and is notified.
    const mine = await platform.json<{ items: { id: string; title: string }[] }>('/me/ideas', { headers: auth(await accessToken(page)) });
    const ideaId = mine.items.find((i) => i.title.startsWith('نشر ميزانية'))!.id;
    await platform.json(`/ideas/${ideaId}/fate`, { method: 'POST', headers: auth(coordinator), body: JSON.stringify({ step: 'screen', decision: 'accept' }) });
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
    await page.waitForFunction(() => document.querySelectorAll('.notification-list li[data-read=false]').length === 0);
    await page.waitForFunction(() => document.querySelectorAll('.notification-link .badge').length === 0);
    await page.reload();
    await expect(page.locator('.notification-list li[data-read=true]').count()).resolves.toBeGreaterThanOrEqual(2);
    expect(csp).toEqual([]);
  });

  it('fr: the idea form works without JavaScript; similar ideas are shown on submit; bad input is answered on the page and nothing is written', async () => {
    const scripted = await newPage();
    await register(scripted, 'fr', 'Karim Essai', `karim-${Date.now()}@example.ma`);
    const page = await ctx.browser.newContext({ baseURL: platform.portalUrl, javaScriptEnabled: false }).then(async (c) => {
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
    await expect(page.locator('#idea-error[role=alert]').count()).resolves.toBe(1);
    expect(await page.getAttribute('#idea-title', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#idea-title', 'aria-describedby')).toContain('idea-title-error');
    await expect(page.locator('#idea-title-error').textContent()).resolves.toBe('De 5 à 200 caractères.');
    expect(await page.inputValue('#idea-body')).toBe(EXISTING.body);
    const token = await accessToken(page);
    await expect(platform.json<{ total: number }>('/me/ideas', { headers: auth(token) })).resolves.toMatchObject({ total: 0 });

    await page.fill('#idea-title', EXISTING.title);
    await Promise.all([page.waitForLoadState('load'), page.click('#idea button[value=submit]')]);
    const done = page.locator('#idea-done[role=status]');
    await expect(done.locator('p').first().textContent()).resolves.toBe('Votre idée a été reçue. Suivez son sort dans « Mes idées ».');
    await expect(done.locator('a', { hasText: EXISTING.title }).count()).resolves.toBe(1);
    await expect(platform.json<{ total: number }>('/me/ideas', { headers: auth(token) })).resolves.toMatchObject({ total: 1 });
    await page.goto('/fr/me/ideas');
    await expect(page.locator('.idea-card .timeline-step').first().textContent()).resolves.toContain('Reçue');
  });

  it.each([
    { locale: 'ar', text: 'هذا الفضاء غير مفتوح بعد. يفتح في 1 مارس 2031' },
    { locale: 'fr', text: "Cet espace n'est pas encore ouvert. Il ouvre le 1 mars 2031" },
    { locale: 'en', text: 'This space is not open yet. It opens on 1 March 2031' },
  ])('$locale: outside the ideas window the page says when it opens, per locale, and offers no form', async ({ locale, text }) => {
    const page = await newPage();
    await register(page, locale, `Visitor ${locale}`, `later-${locale}-${Date.now()}@example.ma`);
    await page.goto(`/${locale}/me/ideas/new?cycle=${laterCycleId}`);
    await expect(page.locator('.notice').textContent()).resolves.toContain(text);
    await expect(page.locator('#idea').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(['ar', 'fr', 'en'])('%s: register, space, my ideas and idea form pages: lang/dir right, no serious or critical axe violation; screenshots', async (locale) => {
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
  });
});
}
