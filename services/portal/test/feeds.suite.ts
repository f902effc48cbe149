import { seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { DEMO_PASSWORD } from './portal-platform';
import { suitePages } from './suite-pages';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of our own API, read loosely by a test
type Json = Record<string, any>;

export function feedsSuite(ctx: PortalContext): void {
  describe('feeds in the portal: calendar links, open datasets with their dictionary and Atom feeds, the private calendar in settings', () => {
    const platform = ctx.platform;
    const { newPage, closeAll } = suitePages(ctx);
    let planId = '';
    let cycleId = '';

    beforeAll(async () => {
      planId = (await platform.json<Json>(`/programmes/${platform.programmeId}/plans`)).plans[0].id;
      cycleId = (await platform.json<Json>('/cycles')).items[0].id;
    });

    afterAll(async () => {
      await closeAll();
    });

    it('the plan and cycle pages link to their calendars in the page language, relayed by the portal as text/calendar', async () => {
      const page = await newPage();
      for (const [path, link] of [
        [`/fr/plans/${planId}`, `/files/feeds/calendars/plans/${planId}/deadlines.ics?lang=fr`],
        [`/fr/cycles/${cycleId}`, `/files/feeds/calendars/cycles/${cycleId}/events.ics?lang=fr`],
      ]) {
        await page.goto(path);
        const href = await page.locator('.calendar-link a').getAttribute('href');
        expect(href).toBe(link);
        expect(await page.locator('.calendar-link a').textContent()).toBe('S’abonner au calendrier');
        const res = await fetch(`${platform.portalUrl}${href}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
        expect(await res.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT[\s\S]*END:VCALENDAR/);
      }
      expect((await fetch(`${platform.portalUrl}/files/feeds/admin/jobs`)).status).toBe(404);
    });

    it('the open-data page lists each dataset with files that download, the dictionary and the Atom feeds; no serious axe violation', async () => {
      const page = await newPage();
      await page.goto('/ar/open-data');
      expect(await page.locator('#datasets-title').textContent()).toBe('مجموعات البيانات المفتوحة');
      const csv = await page
        .locator(`a[href="/files/feeds/open-data/plans/${planId}/commitments.csv?lang=ar"]`)
        .getAttribute('href');
      const res = await fetch(`${platform.portalUrl}${csv}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const etag = res.headers.get('etag')!;
      expect((await res.text()).split('\r\n')[0]).toContain('الالتزام');
      expect((await fetch(`${platform.portalUrl}${csv}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
      const atom = await page.locator('a[type="application/atom+xml"][hreflang="fr"]').getAttribute('href');
      const feed = await fetch(`${platform.portalUrl}${atom}`);
      expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
      expect(await page.locator('#dictionary-title ~ details').count()).toBe(4);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('settings: a citizen creates a private calendar link (shown once), a calendar app reads it without a session, replacing it kills the old one, revoking the new', async () => {
      const page = await newPage();
      await page.goto('/en/login');
      await page.fill('#email', 'citizen@demo.ogp.ma');
      await page.fill('#password', DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.endsWith('/login')),
        page.click('form.form button[type=submit]'),
      ]);
      await page.goto('/en/me/settings#calendar');
      expect(await page.locator('#calendar-title').textContent()).toBe('My calendar');
      await page.click('#calendar-issue button[type=submit]');
      const link = page.locator('#calendar-issue-done a');
      await link.waitFor();
      const first = (await link.getAttribute('href'))!;
      expect(first).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/files\/feeds\/calendars\/personal\/[A-Za-z0-9_-]{43}\/deadlines\.ics\?lang=en$/,
      );
      const read = await fetch(first);
      expect(read.status).toBe(200);
      expect(read.headers.get('cache-control')).toBe('private, no-store');
      expect(await read.text()).toContain('X-WR-CALNAME:My deadlines — open government platform');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/en/me/settings');
      await page.click('#calendar-issue button[type=submit]');
      await page.locator('#calendar-issue-done a').waitFor();
      const second = (await page.locator('#calendar-issue-done a').getAttribute('href'))!;
      expect(second).not.toBe(first);
      expect((await fetch(first)).status).toBe(404);
      await page.goto('/en/me/settings');
      await page.click('#calendar-revoke button[type=submit]');
      // The link is gone: the page says so where it said since when it was active.
      await page.locator('#calendar-status', { hasText: 'You have no private calendar link.' }).waitFor();
      expect(await page.locator('#calendar-revoke').count()).toBe(0);
      expect((await fetch(second)).status).toBe(404);
    });
  });
}
