import { BrowserContextOptions } from 'playwright-core';
import { collectCspViolations, screenshot, seriousViolations } from './browser';
import { DEMO_PASSWORD } from './portal-platform';
import type { PortalContext } from './portal-context';
import { logIn, suitePages } from './suite-pages';

const LANGUAGES = [
  { locale: 'ar', dir: 'rtl', login: 'تسجيل الدخول', wrong: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.' },
  { locale: 'fr', dir: 'ltr', login: 'Se connecter', wrong: 'Adresse e-mail ou mot de passe incorrect.' },
  { locale: 'en', dir: 'ltr', login: 'Log in', wrong: undefined },
] as const;

export function foundationSuite(ctx: PortalContext): void {
  describe('portal foundation in a real browser: languages, session, CSRF, CSP, accessibility', () => {
    const platform = ctx.platform;
    const browser = { newContext: (options: BrowserContextOptions) => ctx.browser.newContext(options) };
    const { contexts, newPage, closeAll } = suitePages(ctx);

    async function displayName(email: string): Promise<string> {
      const { accessToken } = await platform.login(email);
      return (
        await platform.json<{ displayName: string }>('/auth/me', {
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).displayName;
    }

    afterAll(async () => {
      await closeAll();
    });

    it('sends / to Arabic by default, right to left', async () => {
      const page = await newPage();
      const res = await page.goto('/');
      expect(res?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/ar');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    });

    it('the language switcher keeps the page, sets lang/dir, and the choice sticks for /', async () => {
      const page = await newPage();
      await page.goto('/ar/login?next=%2Far');
      await page.click('.language-switcher a[lang=en]');
      await page.waitForURL('**/en/login**');
      expect(new URL(page.url()).pathname).toBe('/en/login');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getAttribute('html', 'dir')).toBe('ltr');
      await page.click('.language-switcher a[lang=fr]');
      await page.waitForURL('**/fr/login**');
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/fr');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
    });

    it('an unknown address answers 404 with a page rendered on the server, in the three languages, without JavaScript', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      const res = await page.goto('/en/no-such-page');
      expect(res?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await expect(page.locator('section[lang=en] h1').textContent()).resolves.toBe('Page not found');
      await expect(page.locator('section[lang=fr][dir=ltr] h1').textContent()).resolves.toBe('Page introuvable');
      await expect(page.locator('section[lang=ar] h1').textContent()).resolves.toBe('الصفحة غير موجودة');
      // axe runs inside the page: a scripted visit for it.
      const scripted = await newPage();
      await scripted.goto('/fr/no-such-page');
      expect(await seriousViolations(scripted)).toEqual([]);
    });

    it.each(LANGUAGES)(
      'a wrong password is answered on the page with the gateway message in $locale, linked to the field, without JavaScript',
      async ({ locale, wrong }) => {
        const page = await newPage({ javaScriptEnabled: false });
        await logIn(page, locale, 'citizen@demo.ogp.ma', { password: 'not-the-password', refused: true });
        const alert = page.locator('.form-error[role=alert]');
        await alert.first().waitFor({ timeout: 10000 });
        await expect(alert.count()).resolves.toBe(1);
        if (wrong) expect((await alert.textContent())?.trim()).toBe(wrong);
        expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
        expect(await page.getAttribute('#email', 'aria-describedby')).toBe('login-error');
        expect(await page.inputValue('#email')).toBe('citizen@demo.ogp.ma');
        const cookies = await page.context().cookies();
        expect(cookies.find((c) => c.name === 'ogp_at')).toBeUndefined();
      },
    );

    it('logs in without JavaScript; the tokens are httpOnly, SameSite=Lax cookies that page scripts cannot read', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await logIn(page, 'en', 'citizen@demo.ogp.ma');
      expect(new URL(page.url()).pathname).toBe('/en');
      const name = await displayName('citizen@demo.ogp.ma');
      await expect(page.locator('.account-menu summary').textContent()).resolves.toContain(name);
      const cookies = await page.context().cookies();
      for (const name of ['ogp_at', 'ogp_rt', 'ogp_csrf']) {
        const cookie = cookies.find((c) => c.name === name);
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
      }
      // The same session with scripts on: nothing of it is visible to JavaScript.
      const scripted = await browser.newContext({ baseURL: platform.portalUrl });
      contexts.push(scripted);
      await scripted.addCookies(cookies);
      const page2 = await scripted.newPage();
      await page2.goto('/en');
      await expect(page2.locator('.account-menu summary').textContent()).resolves.toContain(name);
      const visible = await page2.evaluate(
        () => `${document.cookie}|${JSON.stringify(localStorage)}|${JSON.stringify(sessionStorage)}`,
      );
      expect(visible).not.toMatch(/ogp_at|ogp_rt|eyJ/);
      const html = await page2.content();
      expect(html).not.toContain(cookies.find((c) => c.name === 'ogp_at')!.value);
      expect(html).not.toContain(cookies.find((c) => c.name === 'ogp_rt')!.value);
    });

    it('goes back to the page the visitor came from after logging in', async () => {
      const page = await newPage();
      await page.goto('/fr/account');
      expect(new URL(page.url()).pathname).toBe('/fr/login');
      await page.fill('#email', 'cso@demo.ogp.ma');
      await page.fill('#password', DEMO_PASSWORD);
      await Promise.all([page.waitForURL('**/fr/account'), page.click('form.form button[type=submit]')]);
      await expect(page.textContent('h1')).resolves.toBe('Mon compte');
    });

    it('refreshes an expired access token on the server and rotates the refresh token', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'citizen@demo.ogp.ma');
      const before = await page.context().cookies();
      const oldRefresh = before.find((c) => c.name === 'ogp_rt')!.value;
      // The access cookie expires before its token: the browser then simply stops sending it.
      await page.context().clearCookies({ name: 'ogp_at' });
      await page.goto('/en/account');
      expect(new URL(page.url()).pathname).toBe('/en/account');
      const after = await page.context().cookies();
      expect(after.find((c) => c.name === 'ogp_at')?.value).toBeTruthy();
      expect(after.find((c) => c.name === 'ogp_rt')?.value).not.toBe(oldRefresh);
    });

    it('refuses a form whose CSRF token is missing or forged, and writes nothing', async () => {
      const page = await newPage();
      await page.goto('/en/login');
      await page.fill('#email', 'citizen@demo.ogp.ma');
      await page.fill('#password', DEMO_PASSWORD);
      await page.evaluate(() => ((document.querySelector('input[name=csrf]') as HTMLInputElement).value = 'forged'));
      await page.click('form.form button[type=submit]');
      await expect(page.locator('.form-error[role=alert]').textContent()).resolves.toBe(
        'The form has expired. Reload the page and try again.',
      );
      expect((await page.context().cookies()).find((c) => c.name === 'ogp_at')).toBeUndefined();
    });

    it('a server action posted from another origin is refused', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await page.goto('/en/login');
      const form = await page.$$eval('form.form input', (inputs) =>
        inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]),
      );
      const body = new FormData();
      for (const [name, value] of form) body.append(name, value);
      body.set('email', 'citizen@demo.ogp.ma');
      body.set('password', DEMO_PASSWORD);
      const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await fetch(`${platform.portalUrl}/en/login`, {
        method: 'POST',
        body,
        headers: { origin: 'https://evil.example', cookie },
        redirect: 'manual',
      });
      expect(res.headers.get('set-cookie') ?? '').not.toContain('ogp_at=');
      expect([403, 500]).toContain(res.status);
    });

    it('logs out: cookies gone and the gateway session ended', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await logIn(page, 'ar', 'citizen@demo.ogp.ma');
      const refresh = (await page.context().cookies()).find((c) => c.name === 'ogp_rt')!.value;
      await page.click('.account-menu summary');
      // Wait for the answer to the log-out POST (the page is already loaded before the click).
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.click('.account-menu-panel button[type=submit]'),
      ]);
      await page.locator('.account a[href^="/ar/login"]').first().waitFor({ timeout: 10000 });
      const names = (await page.context().cookies()).map((c) => c.name);
      expect(names).not.toContain('ogp_at');
      expect(names).not.toContain('ogp_rt');
      await expect(page.locator('.account a[href^="/ar/login"]').count()).resolves.toBe(1);
      const res = await fetch(`${platform.gatewayUrl}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: refresh }),
      });
      expect(res.status).toBe(401);
    });

    it('every page carries a nonce-based Content-Security-Policy and the security headers, and nothing is blocked', async () => {
      const page = await newPage();
      const violations = collectCspViolations(page);
      const res = await page.goto('/ar');
      const headers = res!.headers();
      expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      await page.goto('/ar/login');
      expect(violations).toEqual([]);
    });

    it('is usable with the keyboard: the first Tab reaches the skip link, which moves to the main content', async () => {
      const page = await newPage();
      await page.goto('/en');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    });

    it.each(LANGUAGES)(
      'home and log-in pages in $locale: lang/dir right, no serious or critical axe violation; screenshots',
      async ({ locale, dir }) => {
        const page = await newPage();
        for (const path of ['', '/login']) {
          await page.goto(`/${locale}${path}`);
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          expect(await page.getAttribute('html', 'dir')).toBe(dir);
          expect(await seriousViolations(page)).toEqual([]);
          if (locale !== 'fr') await screenshot(page, `${locale}${path.replace(/\//g, '-') || '-home'}`);
        }
      },
      300000,
    );

    it('the portal reports ready only while it can reach the gateway', async () => {
      const res = await fetch(`${platform.portalUrl}/health/ready`);
      expect(res.status).toBe(200);
      expect((await fetch(`${platform.portalUrl}/health/live`)).status).toBe(200);
    });
  });
}
