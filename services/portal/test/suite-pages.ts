import type { BrowserContext, Page } from 'playwright-core';
import type { PortalContext } from './portal-context';
import { DEMO_PASSWORD } from './portal-platform';

/**
 * The pages a suite opens, each in a context of its own (its own cookies), on the portal; `contexts`
 * holds them all so the suite closes them after it (`closeAll`). With `stepTimeout`, a step that
 * cannot happen fails at that step, not at the test's timeout.
 */
export function suitePages(ctx: PortalContext, options: { stepTimeout?: number } = {}) {
  const contexts: BrowserContext[] = [];
  async function newPage(page: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await ctx.browser.newContext({
      baseURL: ctx.platform.portalUrl,
      javaScriptEnabled: page.javaScriptEnabled ?? true,
    });
    contexts.push(context);
    const opened = await context.newPage();
    if (options.stepTimeout) opened.setDefaultTimeout(options.stepTimeout);
    return opened;
  }
  async function closeAll(): Promise<void> {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
  return { contexts, newPage, closeAll };
}

/**
 * Submits the log-in form of `locale` (with `next`, the page to go back to). Accepted, it waits until
 * the browser is at `next` (or, without one, has left the log-in page); `refused`, the same page comes
 * back: the page is loaded before the click, so it waits for the answer to the POST itself.
 */
export async function logIn(
  page: Page,
  locale: string,
  email: string,
  options: { next?: string; password?: string; refused?: boolean } = {},
): Promise<void> {
  const { next, password = DEMO_PASSWORD, refused = false } = options;
  await page.goto(next ? `/${locale}/login?next=${encodeURIComponent(`/${locale}${next}`)}` : `/${locale}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  if (refused)
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('form.form button[type=submit]'),
    ]).then(() => page.waitForLoadState('load'));
  else
    await Promise.all([
      page.waitForURL((u) => (next ? u.pathname === `/${locale}${next}` : !u.pathname.endsWith('/login'))),
      page.click('form.form button[type=submit]'),
    ]);
}
