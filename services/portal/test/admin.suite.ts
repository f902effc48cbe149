import { randomUUID } from 'node:crypto';
import { TEST_DATABASE_URL, waitFor } from '@ogp/testing';
import { Client } from 'pg';
import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { logIn, suitePages } from './suite-pages';

const PASSWORD = 'Zq7-mudir-Hisab-Nahr-2026';

export function adminSuite(ctx: PortalContext): void {
  describe('admin in a real browser: accounts, the audit trail, jobs and dead letters', () => {
    const platform = ctx.platform;
    const { newPage, closeAll } = suitePages(ctx, { stepTimeout: 20000 });
    let admin = '';

    async function createPm(name: string, slug: string): Promise<{ id: string; email: string }> {
      const email = `${slug}-${Date.now()}@example.ma`;
      const res = await platform.json<{ id: string }>('/accounts', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD, displayName: name, roles: ['project_manager'] }),
      });
      return { id: res.id, email };
    }

    beforeAll(async () => {
      admin = (await platform.login('admin@demo.ogp.ma')).accessToken;
    });

    afterAll(async () => {
      await closeAll();
    });

    it.each([
      ['ar', 'مسؤول مؤقت', 'معطّل', 'مفعّل'],
      ['en', 'Temporary Manager', 'Deactivated', 'Active'],
    ])(
      '%s: an admin deactivates an account and that person’s open session stops working; the audit trail shows it; reactivated, they log in again',
      async (locale, name, inactive, active) => {
        const person = await createPm(name, `temporary-${locale}`);
        const theirs = await newPage();
        await logIn(theirs, locale, person.email, { next: '/me', password: PASSWORD });
        await expect(theirs.locator('.account-menu summary').textContent()).resolves.toBe(name);

        const page = await newPage();
        const csp = collectCspViolations(page);
        await logIn(page, locale, 'admin@demo.ogp.ma', { next: '/admin/accounts' });
        await page.goto(`/${locale}/admin/accounts?role=project_manager`);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `admin-${locale}-accounts`);
        const row = page.locator(`#accounts tr[data-email="${person.email}"]`);
        await Promise.all([page.waitForURL(`**/admin/accounts/${person.id}`), row.locator('a').click()]);
        await expect(page.textContent('#account-state')).resolves.toBe(active);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `admin-${locale}-account`);
        await Promise.all([
          page.waitForURL(`**/admin/accounts/${person.id}?changed=deactivate`),
          page.click('#active button[type=submit]'),
        ]);
        await expect(page.textContent('#account-state')).resolves.toBe(inactive);
        await page.locator('#account-changed[role=status]').waitFor();

        // Their next page load (after the portal's few seconds of cache) finds them logged out.
        const started = Date.now();
        for (;;) {
          await theirs.goto(`/${locale}/me`);
          if (new URL(theirs.url()).pathname === `/${locale}/login`) break;
          expect(Date.now() - started).toBeLessThan(20000);
          await theirs.waitForTimeout(1000);
        }
        await expect(theirs.locator('.account-menu').count()).resolves.toBe(0);
        await expect(platform.login(person.email, PASSWORD)).rejects.toThrow(/401/);

        await page.goto(`/${locale}/admin/audit-trail?action=deactivated&userId=${person.id}`);
        const entry = page.locator('#audit-trail tbody tr');
        await expect(entry.count()).resolves.toBe(1);
        await expect(entry.first().textContent()).resolves.toContain(name);
        await expect(entry.first().textContent()).resolves.toContain('true → false');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `admin-${locale}-audit-trail`);

        await page.goto(`/${locale}/admin/accounts/${person.id}`);
        await Promise.all([
          page.waitForURL(`**/admin/accounts/${person.id}?changed=reactivate`),
          page.click('#active button[type=submit]'),
        ]);
        await expect(page.textContent('#account-state')).resolves.toBe(active);
        await expect(platform.login(person.email, PASSWORD)).resolves.toHaveProperty('accessToken');
        expect(csp).toEqual([]);
      },
    );

    it('en (no JavaScript): an admin creates a committee member scoped to the programme, then makes them a project manager of one institution; both changes are in the audit trail', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await logIn(page, 'en', 'admin@demo.ogp.ma', { next: '/admin/accounts/new' });
      const email = `member-${Date.now()}@example.ma`;
      await page.fill('#account-displayName', 'Committee Member Two');
      await page.fill('#account-email', email);
      await page.fill('#account-password', 'short');
      await page.check('#account-role-committee_member');
      await page.check(`#account-programme-${platform.programmeId}`);
      await page.click('#account button[value=submit]');
      await page.locator('#account-error[role=alert]').waitFor();
      expect(await page.getAttribute('#account-password', 'aria-invalid')).toBe('true');
      await page.fill('#account-password', PASSWORD);
      await Promise.all([
        page.waitForURL('**/admin/accounts/*?created=1'),
        page.click('#account button[value=submit]'),
      ]);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const created = await platform.json<{
        roles: string[];
        scopes: { programmes: string[]; institutions: string[] };
      }>(`/accounts/${id}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(created).toMatchObject({
        roles: ['committee_member'],
        scopes: { programmes: [platform.programmeId], institutions: [] },
      });

      const institutions = await platform.json<{ items: { id: string; code: string }[] }>('/institutions?limit=100');
      const mef = institutions.items.find((i) => i.code === 'MEF')!;
      await page.check('#access-role-project_manager');
      await page.check(`#access-institution-${mef.id}`);
      await Promise.all([
        page.waitForURL(`**/admin/accounts/${id}?changed=access`),
        page.click('#access button[value=submit]'),
      ]);
      const changed = await platform.json<{
        roles: string[];
        scopes: { programmes: string[]; institutions: string[] };
      }>(`/accounts/${id}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(changed).toMatchObject({
        roles: ['project_manager'],
        scopes: { programmes: [platform.programmeId], institutions: [mef.id] },
      });

      await page.goto(`/en/admin/audit-trail?userId=${id}`);
      const actions = await page
        .locator('#audit-trail tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      expect(actions).toEqual(['updated', 'created']);
      await expect(page.locator('#audit-trail tbody tr').first().textContent()).resolves.toContain(
        'committee_member → project_manager',
      );
    });

    it('en: the job dashboard shows the queue counts; a dead e-mail is sent again with its retry button and arrives', async () => {
      const pg = new Client({ connectionString: TEST_DATABASE_URL });
      await pg.connect();
      const id = randomUUID();
      const to = `dead-${Date.now()}@example.ma`;
      try {
        await pg.query(
          `INSERT INTO "${platform.iso.schema('notifications')}".email_queue (id, notification_id, recipient_id, to_address, subject, body, status, attempts, last_error) VALUES ($1, $2, $3, $4, 'Dead letter to retry', 'Body of the dead letter.', 'dead', 8, 'connection refused')`,
          [id, randomUUID(), randomUUID(), to],
        );
      } finally {
        await pg.end();
      }
      const page = await newPage();
      await logIn(page, 'en', 'admin@demo.ogp.ma', { next: '/admin/jobs' });
      await expect(page.locator('#job-counts li').count()).resolves.toBeGreaterThan(0);
      const card = page.locator(`#dead-letter-list li[data-dead="${id}"]`);
      await expect(card.textContent()).resolves.toContain('connection refused');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-en-jobs');
      await Promise.all([page.waitForURL(/retried=1/), page.click(`#retry-${id} button[value=submit]`)]);
      await page.locator('#jobs-retried[role=status]').waitFor();
      await waitFor(() => ctx.mailbox.to(to).find((m) => m.subject.includes('Dead letter to retry')), {
        timeoutMs: 30000,
        what: 'the retried e-mail',
      });
      await page.goto('/en/admin/jobs');
      await expect(page.locator(`#dead-letter-list li[data-dead="${id}"]`).count()).resolves.toBe(0);
    });

    it('a coordinator who opens the admin pages is told they are not for their account', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/admin/accounts' });
      await expect(page.textContent('h1')).resolves.toBe('This page is not open to your account');
      await expect(page.locator('#accounts').count()).resolves.toBe(0);
    });

    it.each(['ar', 'en'])(
      '%s: the admin pages have no serious or critical axe violation; screenshots',
      async (locale) => {
        const page = await newPage();
        await logIn(page, locale, 'admin@demo.ogp.ma', { next: '/admin' });
        for (const path of ['/admin', '/admin/accounts', '/admin/accounts/new', '/admin/audit-trail', '/admin/jobs']) {
          await page.goto(`/${locale}${path}`);
          expect([path, await seriousViolations(page)]).toEqual([path, []]);
          await screenshot(page, `admin-${locale}${path.replace(/\//g, '-')}`);
        }
      },
    );
  });
}
