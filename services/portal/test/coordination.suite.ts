import { collectCspViolations, screenshot, seriousViolations } from './browser';
import type { PortalContext } from './portal-context';
import { logIn, suitePages } from './suite-pages';

const CSV_HEADER =
  'area_code,area_title_ar,area_title_fr,area_title_en,commitment_number,commitment_title_ar,commitment_title_fr,commitment_title_en,commitment_start,commitment_end,lead_institution_code,ogp_values,activity_title_ar,activity_title_fr,activity_title_en,activity_start,activity_end,activity_weight,activity_responsible';
const GOOD_ROWS = [
  'R1,الشفافية,Transparence,Transparency,1,"نشر الميزانية الجهوية، بشكل مفتوح",,Open regional budget,2025-01-01,2026-12-31,MEF,access_to_information;public_accountability,إعداد,,,2025-01-01,2025-06-30,40,',
  'R1,الشفافية,Transparence,Transparency,1,"نشر الميزانية الجهوية، بشكل مفتوح",,Open regional budget,2025-01-01,2026-12-31,MEF,access_to_information;public_accountability,النشر,,,2025-07-01,2026-12-31,60,"Direction du budget"',
  'R2,المشاركة,Participation,Participation,2,منصة العرائض,,Petitions platform,2025-03-01,2026-06-30,MRAFP,civic_participation,التطوير,,,2025-03-01,2025-12-31,,',
];
/** The same file with one bad row: line 3 names an institution that does not exist. */
const BAD_CSV = [CSV_HEADER, GOOD_ROWS[0], GOOD_ROWS[1].replace(',MEF,', ',NOBODY,'), GOOD_ROWS[2]].join('\n');
const GOOD_CSV = [CSV_HEADER, ...GOOD_ROWS].join('\n');

export function coordinationSuite(ctx: PortalContext): void {
  describe('coordination team in a real browser: plan import, idea triage, reports, plans and commitments, cycles, publications, workshops, committee, consultation', () => {
    const platform = ctx.platform;
    const { newPage, closeAll } = suitePages(ctx, { stepTimeout: 20000 });

    async function planCodes(): Promise<string[]> {
      const plans = await platform.json<{ plans: { code: string }[] }>(`/programmes/${platform.programmeId}/plans`);
      return plans.plans.map((p) => p.code);
    }

    afterAll(async () => {
      await closeAll();
    });

    it.each([
      ['ar', true],
      ['en', false],
    ] as const)(
      '%s (JavaScript %s): a coordinator imports a CSV with one bad row, sees the error against that row with nothing written, then imports the good file',
      async (locale, javaScriptEnabled) => {
        const page = await newPage({ javaScriptEnabled });
        const csp = collectCspViolations(page);
        await logIn(page, locale, 'coordination@demo.ogp.ma', { next: '/coordination/plans/import' });
        expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        // axe runs in the page: only where scripts run (the no-JavaScript run checks the same pages' behaviour).
        if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
        const code = `CSV-${locale.toUpperCase()}-${Date.now() % 100000}`;
        const before = await planCodes();

        const fillHeader = async () => {
          await page.selectOption('#import-programmeCode', 'OGP-MA');
          await page.fill('#import-planCode', code);
          await page.fill('#import-titleAr', 'خطة مستوردة للاختبار');
          await page.fill('#import-titleEn', 'Imported test plan');
          await page.fill('#import-startDate', '2025-01-01');
          await page.fill('#import-endDate', '2026-12-31');
        };
        await fillHeader();
        await page.setInputFiles('#import-file', {
          name: 'plan.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(BAD_CSV, 'utf8'),
        });
        await page.click('#import button[type=submit]');
        await page.locator('#import-error[role=alert]').waitFor();
        const refused = page.locator('#import-row-errors tbody tr');
        await expect(refused.count()).resolves.toBe(1);
        await expect(refused.first().getAttribute('data-row')).resolves.toBe('line 3');
        await expect(refused.first().locator('th').textContent()).resolves.toBe(locale === 'ar' ? 'السطر 3' : 'Line 3');
        await expect(refused.first().textContent()).resolves.toContain('NOBODY');
        await expect(refused.first().textContent()).resolves.toContain('lead_institution_code');
        // axe runs in the page: only where scripts run (the no-JavaScript run checks the same pages' behaviour).
        if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `coord-${locale}-import-refused`);
        expect(await planCodes()).toEqual(before);

        // The header was kept; the file is chosen again (a browser never keeps it).
        await expect(page.inputValue('#import-planCode')).resolves.toBe(code);
        await page.setInputFiles('#import-file', {
          name: 'plan.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(GOOD_CSV, 'utf8'),
        });
        await page.click('#import button[type=submit]');
        await page.locator('#import-done[role=status]').waitFor();
        await expect(page.locator('#import-done').textContent()).resolves.toContain(
          locale === 'ar' ? 'التزامان' : '2 commitments',
        );
        await expect(page.locator('#import-row-errors').count()).resolves.toBe(0);
        expect(await planCodes()).toContain(code);
        await Promise.all([page.waitForURL('**/plans/**'), page.click('#import-done a')]);
        await expect(page.textContent('h1')).resolves.toBe(
          locale === 'ar' ? 'خطة مستوردة للاختبار' : 'Imported test plan',
        );
        expect(csp).toEqual([]);
      },
    );

    it('en: a JSON file failing validation lists the commitment it is about; nothing is written', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/plans/import' });
      const before = await planCodes();
      const plan = {
        programmeCode: 'OGP-MA',
        plan: {
          code: `JSON-${Date.now() % 100000}`,
          title: { ar: 'خطة JSON' },
          startDate: '2025-01-01',
          endDate: '2026-12-31',
        },
        areas: [{ code: 'A1', title: { ar: 'محور' } }],
        commitments: [
          {
            number: 1,
            areaCode: 'A1',
            leadInstitutionCode: 'MEF',
            title: { ar: 'التزام أول' },
            startDate: '2025-01-01',
            endDate: '2026-12-31',
            ogpValues: ['access_to_information'],
          },
          {
            number: 2,
            areaCode: 'A9',
            leadInstitutionCode: 'MEF',
            title: { ar: 'التزام ثان' },
            startDate: '2025-01-01',
            endDate: '2026-12-31',
            ogpValues: ['access_to_information'],
          },
        ],
      };
      await page.setInputFiles('#import-file', {
        name: 'plan.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(plan), 'utf8'),
      });
      await page.click('#import button[type=submit]');
      await page.locator('#import-error[role=alert]').waitFor();
      const row = page.locator('#import-row-errors tbody tr[data-row="commitments[1]"]').first();
      await expect(row.textContent()).resolves.toContain('2. التزام ثان');
      await expect(
        page.locator('#import-row-errors tbody tr[data-row="commitments[1]"] td code', { hasText: 'areaCode' }).count(),
      ).resolves.toBe(1);
      expect(await planCodes()).toEqual(before);
    });

    it('a citizen who opens the import page is told it is not for their account', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'citizen@demo.ogp.ma', { next: '/coordination/plans/import' });
      await expect(page.textContent('h1')).resolves.toBe('This page is not open to your account');
      await expect(page.locator('#import').count()).resolves.toBe(0);
    });

    const DAY = 24 * 3600 * 1000;
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

    /** A cycle of the demo programme, created by the coordinator (`token`) with its phases and themes. */
    function createCycle<T extends { id: string } = { id: string }>(token: string, cycle: Record<string, unknown>) {
      return platform.json<T>('/cycles', {
        method: 'POST',
        headers: auth(token),
        body: JSON.stringify({ programmeId: platform.programmeId, ...cycle }),
      });
    }

    /** Opens an account (a citizen or a civil-society organisation) and logs it in: its access token. */
    async function registered(email: string, password: string, displayName: string, role: 'citizen' | 'cso') {
      await fetch(`${platform.gatewayUrl}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, displayName, role }),
      });
      return (await platform.login(email, password)).accessToken;
    }

    /** A cycle whose ideas window is open, with `count` ideas from two new citizens (each under the hourly limit). */
    async function cycleWithIdeas(
      code: string,
      count: number,
    ): Promise<{ id: string; ideas: string[]; citizen: string }> {
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString();
      const cycle = await createCycle<{ id: string; themes: { id: string }[] }>(coordinator, {
        code,
        title: { ar: `دورة الفرز ${code}`, fr: `Cycle de tri ${code}`, en: `Triage cycle ${code}` },
        phases: [
          { kind: 'ideas', opensAt: iso(now - DAY), closesAt: iso(now + 30 * DAY) },
          { kind: 'consultation', opensAt: iso(now + 31 * DAY), closesAt: iso(now + 60 * DAY) },
          { kind: 'candidacy', opensAt: iso(now + 61 * DAY), closesAt: iso(now + 90 * DAY) },
        ],
        themes: [
          {
            number: 1,
            title: { ar: 'الشفافية الميزانياتية', fr: 'Transparence budgétaire', en: 'Budget transparency' },
          },
        ],
      });
      const citizens: string[] = [];
      for (const n of [1, 2]) {
        const email = `triage-${code.toLowerCase()}-${n}-${Date.now()}@example.ma`;
        citizens.push(await registered(email, 'Zq7-farz-Fikra-Nahr-2026', `Citizen ${n}`, 'citizen'));
      }
      const ideas: string[] = [];
      for (let i = 1; i <= count; i++) {
        const idea = await platform.json<{ id: string }>('/ideas', {
          method: 'POST',
          headers: auth(citizens[i % 2]),
          body: JSON.stringify({
            cycleId: cycle.id,
            themeId: cycle.themes[0].id,
            title: `فكرة للفرز رقم ${i}`,
            body: `نص الفكرة رقم ${i} عن نشر ميزانيات الجماعات كبيانات مفتوحة.`,
          }),
        });
        ideas.push(idea.id);
      }
      return { id: cycle.id, ideas, citizen: citizens[0] };
    }

    async function triageTotal(cycleId: string, status: string): Promise<number> {
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      return (
        await platform.json<{ total: number }>(`/cycles/${cycleId}/ideas/triage?status=${status}&limit=1`, {
          headers: auth(coordinator),
        })
      ).total;
    }

    it.each([
      ['ar', true],
      ['en', false],
    ] as const)(
      '%s (JavaScript %s): a coordinator moves 20 ideas one fate step in bulk; a step without its reason is refused against its field and moves nothing',
      async (locale, javaScriptEnabled) => {
        const cycle = await cycleWithIdeas(`TRIAGE-${locale.toUpperCase()}-${Date.now() % 100000}`, 21);
        const page = await newPage({ javaScriptEnabled });
        await logIn(page, locale, 'coordination@demo.ogp.ma', { next: '/coordination/ideas' });
        await page.goto(`/${locale}/coordination/ideas?cycle=${cycle.id}&status=received`);
        await expect(page.locator('#triage tbody tr').count()).resolves.toBe(21);
        // axe runs in the page: only where scripts run (the no-JavaScript run checks the same pages' behaviour).
        if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `coord-${locale}-triage`);

        if (javaScriptEnabled) {
          // All on the page at once, then the last one unticked.
          await page.check('#move-all');
          await page.uncheck(`#pick-${cycle.ideas[20]}`);
        } else {
          for (const id of cycle.ideas.slice(0, 20)) await page.check(`#pick-${id}`);
        }
        await page.selectOption('#move-step', 'screen:accept');
        await Promise.all([page.waitForURL(/moved=20/), page.click('#move button[value=submit]')]);
        await expect(page.textContent('#triage-moved')).resolves.toBe(
          locale === 'ar' ? 'انتقلت 20 فكرة خطوة واحدة.' : '20 ideas moved one step.',
        );
        await expect(page.locator('#triage tbody tr').count()).resolves.toBe(1);
        expect(await triageTotal(cycle.id, 'accepted')).toBe(20);

        // The last one rejected without its reason: refused on the page, against the field; nothing moves.
        await page.check(`#pick-${cycle.ideas[20]}`);
        await page.selectOption('#move-step', 'screen:reject');
        await page.fill('#move-explanation', 'Cette idée ne relève pas du gouvernement ouvert.');
        await page.click('#move button[value=submit]');
        await page.locator('#move-error[role=alert]').waitFor();
        expect(await page.getAttribute('#move-rejectionReason', 'aria-invalid')).toBe('true');
        expect(await triageTotal(cycle.id, 'received')).toBe(1);
        // axe runs in the page: only where scripts run (the no-JavaScript run checks the same pages' behaviour).
        if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
      },
    );

    it('en: the moderation queue lists a reported idea; the coordinator hides it with a reason and it leaves the queue', async () => {
      const cycle = await cycleWithIdeas(`MOD-${Date.now() % 100000}`, 2);
      const reporter = (await platform.login('citizen@demo.ogp.ma')).accessToken;
      await platform.json(`/ideas/${cycle.ideas[1]}/report`, {
        method: 'POST',
        headers: auth(reporter),
        body: JSON.stringify({ reason: 'Propos injurieux' }),
      });
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/ideas' });
      await page.goto(`/en/coordination/ideas?cycle=${cycle.id}&reported=1`);
      await expect(page.locator('#triage tbody tr').count()).resolves.toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'coord-en-moderation');
      await page.fill(`#hide-${cycle.ideas[1]}-reason`, 'Insulting words');
      await page.click(`#hide-${cycle.ideas[1]} button[value=submit]`);
      await page.locator(`#hide-${cycle.ideas[1]}-done[role=status]`).waitFor();
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const hidden = await platform.json<{ items: { id: string }[] }>(`/cycles/${cycle.id}/ideas/triage?hidden=true`, {
        headers: auth(coordinator),
      });
      expect(hidden.items.map((i) => i.id)).toEqual([cycle.ideas[1]]);
      await page.goto(`/en/coordination/ideas?cycle=${cycle.id}&reported=1`);
      await expect(page.locator('#triage tbody tr').count()).resolves.toBe(0);
    });

    it.each([
      ['ar', true, 'pdf', 'application/pdf'],
      ['en', false, 'csv', 'text/csv'],
    ] as const)(
      '%s (JavaScript %s): a coordinator starts a plan dashboard report (%s), follows its progress until it is ready and downloads it',
      async (locale, javaScriptEnabled, format, type) => {
        const page = await newPage({ javaScriptEnabled });
        await logIn(page, locale, 'coordination@demo.ogp.ma', { next: '/coordination/reports' });
        // axe runs in the page: only where scripts run (the no-JavaScript run checks the same pages' behaviour).
        if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `coord-${locale}-reports`);
        const plans = await platform.json<{ plans: { id: string; code: string }[] }>(
          `/programmes/${platform.programmeId}/plans`,
        );
        const plan = plans.plans.find((p) => p.code === '2018-2020')!;
        await page.check('#report-kind-plan_dashboard');
        await page.selectOption('#report-planId', plan.id);
        await page.selectOption('#report-format', format);
        await Promise.all([
          page.waitForURL(/\/coordination\/reports\/[0-9a-f-]{36}$/),
          page.click('#report button[value=submit]'),
        ]);
        const id = new URL(page.url()).pathname.split('/').pop()!;
        await expect(page.locator('#report-progress').count()).resolves.toBe(1);
        // Live (JavaScript: polled every second) or by the page's own refresh (no JavaScript): the download appears.
        await page.locator('#report-download').waitFor({ timeout: 90000 });
        await expect(page.getAttribute('#report-status', 'data-status')).resolves.toBe('done');
        await expect(page.getAttribute('#report-progress', 'value')).resolves.toBe('100');
        // axe runs in the page: only where scripts run (the no-JavaScript run checks the same pages' behaviour).
        if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `coord-${locale}-report-done`);
        const file = await page.request.get(`/files/reports/${id}`);
        expect(file.status()).toBe(200);
        expect(file.headers()['content-type']).toContain(type);
        expect((await file.body()).length).toBeGreaterThan(100);
      },
      150000,
    );

    it.each(['ar', 'en'])(
      '%s: a coordinator overrides a commitment’s completion level with its reason (a too short reason is refused against its field) and sets its tracking strategy; the card’s three languages are side by side',
      async (locale) => {
        const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
        const page = await newPage();
        await logIn(page, locale, 'coordination@demo.ogp.ma', { next: '/coordination/plans' });
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `coord-${locale}-plans`);
        await Promise.all([
          page.waitForURL(/\/coordination\/plans\/[0-9a-f-]{36}$/),
          page.click('li[data-plan="2018-2020"] a'),
        ]);
        expect(await seriousViolations(page)).toEqual([]);
        const number = locale === 'ar' ? 3 : 4;
        const planId = new URL(page.url()).pathname.split('/').pop()!;
        const commitments = await platform.json<{ items: { id: string; number: number }[] }>(
          `/commitments?planId=${planId}&limit=100`,
        );
        const commitment = commitments.items.find((c) => c.number === number)!;
        await Promise.all([
          page.waitForURL(`**/coordination/commitments/${commitment.id}`),
          page.click(`#plan-commitments a[href$="/coordination/commitments/${commitment.id}"]`),
        ]);
        await expect(page.locator('#card thead th').count()).resolves.toBe(4);
        await expect(page.getAttribute('#card-title-ar', 'dir')).resolves.toBe('rtl');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `coord-${locale}-commitment`);

        await page.selectOption('#level-level', 'complete');
        await page.fill('#level-reason', 'no');
        await page.click('#level button[value=submit]');
        await page.locator('#level-error[role=alert]').waitFor();
        expect(await page.getAttribute('#level-reason', 'aria-invalid')).toBe('true');
        await page.fill('#level-reason', 'Vérifié sur place par l’équipe de coordination.');
        await Promise.all([page.waitForURL(/saved=level/), page.click('#level button[value=submit]')]);
        const after = await platform.json<{ levelOverride: { level: string; reason: string } | null }>(
          `/commitments/${commitment.id}`,
          { headers: auth(coordinator) },
        );
        expect(after.levelOverride).toMatchObject({
          level: 'complete',
          reason: 'Vérifié sur place par l’équipe de coordination.',
        });
        await expect(page.textContent('#commitment-level')).resolves.toBe(locale === 'ar' ? 'مكتمل' : 'Complete');

        await page.check('#strategy-target-commitment');
        await page.selectOption('#strategy-strategy', 'equal_milestones');
        await Promise.all([page.waitForURL(/saved=strategy/), page.click('#strategy button[value=submit]')]);
        const strategy = await platform.json<{ trackingStrategy: string; strategySource: string }>(
          `/commitments/${commitment.id}`,
          { headers: auth(coordinator) },
        );
        expect(strategy).toMatchObject({ trackingStrategy: 'equal_milestones', strategySource: 'commitment' });
      },
    );

    it('en: a coordinator drafts a publication in three languages (not public yet), then publishes it and it is public', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/publications' });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'coord-en-publications');
      const title = `Compte rendu ${Date.now()}`;
      await page.selectOption('#publication-kind', 'minutes');
      await page.fill('#publication-titleAr', `محضر الاجتماع ${title}`);
      await page.fill('#publication-titleEn', title);
      await page.click('#publication button[value=submit]');
      await page.locator('#publication-error[role=alert]').waitFor();
      expect(await page.getAttribute('#publication-bodyAr', 'aria-invalid')).toBe('true');
      await page.fill('#publication-bodyAr', 'نص محضر اجتماع لجنة القيادة.');
      await Promise.all([page.waitForURL(/saved=draft/), page.click('#publication button[value=submit]')]);
      const publicList = async () =>
        (await platform.json<{ items: { title: { en?: string } }[] }>('/publications?limit=100')).items.map(
          (p) => p.title.en,
        );
      expect(await publicList()).not.toContain(title);
      const card = page.locator('#publication-list li[data-status="draft"]', { hasText: title });
      const id = await card.getAttribute('data-publication');
      await Promise.all([page.waitForURL(/saved=published/), page.click(`#publish-${id} button[value=submit]`)]);
      expect(await publicList()).toContain(title);
    });

    it('en (no JavaScript): a coordinator creates a cycle with its phase dates and themes; a phase closing before it opens is refused against its field', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/cycles' });
      const code = `CYCLE-${Date.now() % 100000}`;
      await page.fill('#cycle-code', code);
      await page.fill('#cycle-titleAr', 'دورة 2027-2029');
      await page.fill('#cycle-titleEn', 'Cycle 2027-2029');
      await page.fill('#cycle-ideasOpens', '2027-01-10T09:00');
      await page.fill('#cycle-ideasCloses', '2027-01-05T09:00');
      await page.fill('#cycle-themes', 'الشفافية الميزانياتية\nالولوج إلى المعلومات');
      await page.click('#cycle button[value=submit]');
      await page.locator('#cycle-error[role=alert]').waitFor();
      expect(await page.getAttribute('#cycle-ideasCloses', 'aria-invalid')).toBe('true');
      await page.fill('#cycle-ideasCloses', '2027-03-10T18:00');
      await Promise.all([page.waitForURL(/created=/), page.click('#cycle button[value=submit]')]);
      await page.locator('#cycles-created[role=status]').waitFor();
      const cycles = await platform.json<{
        items: { code: string; phases: { kind: string; opensAt: string; closesAt: string }[]; themes: unknown[] }[];
      }>('/cycles?limit=100');
      const created = cycles.items.find((c) => c.code === code)!;
      expect(created.phases).toEqual([
        expect.objectContaining({
          kind: 'ideas',
          opensAt: '2027-01-10T09:00:00.000Z',
          closesAt: '2027-03-10T18:00:00.000Z',
        }),
      ]);
      expect(created.themes).toHaveLength(2);
    });

    it('en: a coordinator runs a workshop: attendance by confirmation code, an idea written down there, the ranking of problems, its report and recording', async () => {
      const cycle = await cycleWithIdeas(`WS-${Date.now() % 100000}`, 1);
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const full = await platform.json<{ themes: { id: string }[] }>(`/cycles/${cycle.id}`);
      const now = Date.now();
      const workshop = await platform.json<{ id: string }>('/workshops', {
        method: 'POST',
        headers: auth(coordinator),
        body: JSON.stringify({
          cycleId: cycle.id,
          themeId: full.themes[0].id,
          number: 1,
          title: { ar: 'لقاء الميزانية المفتوحة', fr: 'Atelier budget ouvert', en: 'Open budget workshop' },
          organiser: 'Transparency Maroc',
          institutions: ['Ministère des Finances'],
          startsAt: new Date(now + 10 * DAY).toISOString(),
          registrationOpensAt: new Date(now - DAY).toISOString(),
          registrationClosesAt: new Date(now + 5 * DAY).toISOString(),
          capacity: 10,
          agenda: [{ item: 'Ouverture', minutes: 15 }],
        }),
      });
      const registration = await platform.json<{ code: string }>(`/workshops/${workshop.id}/registrations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cycle.citizen}` },
      });
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/workshops' });
      await page.goto(`/en/coordination/workshops?cycle=${cycle.id}`);
      expect(await seriousViolations(page)).toEqual([]);
      await Promise.all([
        page.waitForURL(`**/coordination/workshops/${workshop.id}`),
        page.click(`#workshop-list li[data-workshop="${workshop.id}"] a`),
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'coord-en-workshop');

      await page.fill('#attendance-codes', `${registration.code} x!`);
      await page.click('#attendance button[value=submit]');
      await page.locator('#attendance-error[role=alert]').waitFor();
      expect(await page.getAttribute('#attendance-codes', 'aria-invalid')).toBe('true');
      await page.fill('#attendance-codes', registration.code.toLowerCase());
      await page.click('#attendance button[value=submit]');
      await expect(page.locator('#attendance-done').textContent()).resolves.toContain('1 person present');

      await page.fill('#workshop-idea-title', 'Publier les budgets des communes');
      await page.fill(
        '#workshop-idea-body',
        'Les participants demandent la publication des budgets communaux en données ouvertes.',
      );
      await page.click('#workshop-idea button[value=submit]');
      await page.locator('#workshop-idea-done[role=status]').waitFor();
      const ideas = await platform.json<{ items: { channel: string; workshopId: string | null }[] }>(
        `/cycles/${cycle.id}/ideas/triage?limit=100`,
        { headers: auth(coordinator) },
      );
      expect(ideas.items.filter((i) => i.channel === 'workshop' && i.workshopId === workshop.id)).toHaveLength(1);

      await page.fill('#problems-problems', 'Budgets non publiés\nDonnées inaccessibles');
      await Promise.all([page.waitForURL(/saved=problems/), page.click('#problems button[value=submit]')]);
      await expect(page.locator('#workshop-problems li').allTextContents()).resolves.toEqual([
        'Budgets non publiés',
        'Données inaccessibles',
      ]);
      await page.fill('#outputs-reportUrl', 'https://example.ma/compte-rendu.pdf');
      await Promise.all([page.waitForURL(/saved=outputs/), page.click('#outputs button[value=submit]')]);
      const saved = await platform.json<{ present: number; reportUrl: string | null }>(`/workshops/${workshop.id}`);
      expect(saved).toMatchObject({ present: 1, reportUrl: 'https://example.ma/compte-rendu.pdf' });
    });

    it('en: a coordinator selects a civil-society seat from a cycle’s candidacies by score after the window closes; the seats and the parity are shown', async () => {
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const now = Date.now();
      const cycle = await createCycle<{ id: string }>(coordinator, {
        code: `SEL-${now % 100000}`,
        title: { ar: 'دورة اختيار اللجنة', en: 'Committee selection cycle' },
        phases: [
          {
            kind: 'candidacy',
            opensAt: new Date(now - DAY).toISOString(),
            closesAt: new Date(now + 15000).toISOString(),
          },
        ],
      });
      const organisations = [`Association Nour ${now % 1000}`, `Association Amal ${now % 1000}`];
      for (const [n, organisation] of organisations.entries()) {
        const email = `cso-${n}-${now}@example.ma`;
        const cso = await registered(email, 'Zq7-jamia-Lajna-Nahr-2026', organisation, 'cso');
        await platform.json('/candidacies', {
          method: 'POST',
          headers: auth(cso),
          body: JSON.stringify({
            cycleId: cycle.id,
            organisation,
            statement: 'Notre association suit le plan d’action depuis sa création.',
          }),
        });
      }
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/committee' });
      await page.goto(`/en/coordination/committee?cycle=${cycle.id}`);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'coord-en-committee');
      await page.waitForTimeout(Math.max(0, now + 16000 - Date.now()));
      await page.reload();
      const ids = await page
        .locator('#selection input[name^="score-"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name.slice('score-'.length)));
      expect(ids).toHaveLength(2);
      await page.fill(`#selection-score-${ids[0]}`, '150');
      await page.click('#selection button[value=submit]');
      await page.locator('#selection-error[role=alert]').waitFor();
      expect(await page.getAttribute(`#selection-score-${ids[0]}`, 'aria-invalid')).toBe('true');
      await page.fill(`#selection-score-${ids[0]}`, '62');
      await page.fill(`#selection-score-${ids[1]}`, '88');
      const before = await platform.json<{ civilSociety: number }>('/committee');
      await page.fill('#selection-seats', String(before.civilSociety + 1));
      await Promise.all([page.waitForURL(/selected=1/), page.click('#selection button[value=submit]')]);
      const after = await platform.json<{
        civilSociety: number;
        government: number;
        parity: boolean;
        seats: { holder: string; endedAt: string | null }[];
      }>('/committee');
      expect(after.civilSociety).toBe(before.civilSociety + 1);
      const candidacies = await platform.json<{ id: string; organisation: string; status: string }[]>(
        `/cycles/${cycle.id}/candidacies`,
        { headers: auth(coordinator) },
      );
      const chosen = candidacies.find((c) => c.status === 'selected')!;
      expect(chosen.id).toBe(ids[1]);
      await expect(page.locator('#committee-seats tbody').textContent()).resolves.toContain(chosen.organisation);
      await expect(page.getAttribute('#committee-parity', 'data-parity')).resolves.toBe(after.parity ? 'yes' : 'no');
    });

    it('en (no JavaScript): a coordinator answers a consultation comment; the answer is published under it', async () => {
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const now = Date.now();
      const cycle = await createCycle<{ id: string }>(coordinator, {
        code: `CONS-${now % 100000}`,
        title: { ar: 'دورة الاستشارة', en: 'Consultation cycle' },
        phases: [
          {
            kind: 'consultation',
            opensAt: new Date(now - DAY).toISOString(),
            closesAt: new Date(now + 10 * DAY).toISOString(),
          },
        ],
      });
      const draft = await platform.json<{ id: string }>('/drafts', {
        method: 'POST',
        headers: auth(coordinator),
        body: JSON.stringify({
          cycleId: cycle.id,
          number: 1,
          title: { ar: 'الميزانية المفتوحة', en: 'Open budget' },
          institution: 'Ministry of Finance',
        }),
      });
      const citizen = (await platform.login('citizen@demo.ogp.ma')).accessToken;
      const comment = await platform.json<{ id: string }>(`/drafts/${draft.id}/comments`, {
        method: 'POST',
        headers: auth(citizen),
        body: JSON.stringify({ body: 'Il faut publier les budgets chaque trimestre, pas seulement chaque année.' }),
      });
      const page = await newPage({ javaScriptEnabled: false });
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/consultation' });
      await page.goto(`/en/coordination/consultation?cycle=${cycle.id}`);
      await Promise.all([
        page.waitForURL(`**/coordination/consultation/${draft.id}`),
        page.click(`#draft-list li[data-draft="${draft.id}"] a`),
      ]);
      await page.fill(`#answer-${comment.id}-answer`, 'Le ministère publiera un rapport trimestriel dès 2027.');
      await Promise.all([page.waitForURL(/answered=1/), page.click(`#answer-${comment.id} button[value=submit]`)]);
      await expect(page.locator(`#comment-${comment.id} .answer`).textContent()).resolves.toContain(
        'rapport trimestriel',
      );
      const comments = await platform.json<{ items: { id: string; answer: string | null }[] }>(
        `/drafts/${draft.id}/comments`,
      );
      expect(comments.items.find((c) => c.id === comment.id)?.answer).toBe(
        'Le ministère publiera un rapport trimestriel dès 2027.',
      );
    });

    it('en: the commitment card editor saves the three languages side by side; an empty Arabic title is refused against its cell and nothing changes', async () => {
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: '/coordination/plans' });
      const plans = await platform.json<{ plans: { id: string; code: string }[] }>(
        `/programmes/${platform.programmeId}/plans`,
      );
      const plan = plans.plans.find((p) => p.code === '2018-2020')!;
      const commitments = await platform.json<{ items: { id: string; number: number }[] }>(
        `/commitments?planId=${plan.id}&limit=100`,
      );
      const commitment = commitments.items.find((c) => c.number === 5)!;
      await page.goto(`/en/coordination/commitments/${commitment.id}`);
      const before = await platform.json<{ title: Record<string, string> }>(`/commitments/${commitment.id}`);
      await page.fill('#card-title-ar', '');
      await page.click('#card button[type=submit]');
      await page.locator('#card-error[role=alert]').waitFor();
      expect(await page.getAttribute('#card-title-ar', 'aria-invalid')).toBe('true');
      expect((await platform.json<{ title: Record<string, string> }>(`/commitments/${commitment.id}`)).title).toEqual(
        before.title,
      );
      await page.fill('#card-title-ar', before.title.ar);
      await page.fill('#card-description-fr', 'Description de l’engagement en français.');
      await page.fill('#card-description-ar', 'وصف الالتزام بالعربية.');
      await Promise.all([page.waitForURL(/saved=card/), page.click('#card button[type=submit]')]);
      const after = await platform.json<{
        title: Record<string, string>;
        card: { description?: Record<string, string> };
      }>(`/commitments/${commitment.id}`);
      expect(after.card.description).toMatchObject({
        ar: 'وصف الالتزام بالعربية.',
        fr: 'Description de l’engagement en français.',
      });
      expect(after.title.ar).toBe(before.title.ar);
      await expect(page.inputValue('#card-description-fr')).resolves.toBe('Description de l’engagement en français.');
    });

    it('en: a coordinator sets a programme’s alert settings; a value out of bounds is refused against its field; the settings in force are shown', async () => {
      const coordinator = (await platform.login('coordination@demo.ogp.ma')).accessToken;
      const programme = await platform.json<{ id: string }>('/programmes', {
        method: 'POST',
        headers: auth(coordinator),
        body: JSON.stringify({
          code: `PRG-${Date.now() % 100000}`,
          kind: 'ogp_local',
          name: { ar: 'برنامج محلي للاختبار', en: 'Local test programme' },
        }),
      });
      const page = await newPage();
      await logIn(page, 'en', 'coordination@demo.ogp.ma', { next: `/coordination/programmes/${programme.id}` });
      expect(await seriousViolations(page)).toEqual([]);
      // Before any change, the fields hold the settings in force (read from the gateway).
      const inForce = await platform.json<{ escalationDays: number; reportingPeriodDays: number; timeZone: string }>(
        `/programmes/${programme.id}/alert-settings`,
        { headers: auth(coordinator) },
      );
      expect(await page.inputValue('#settings-reportingPeriodDays')).toBe(String(inForce.reportingPeriodDays));
      expect(await page.inputValue('#settings-timeZone')).toBe(inForce.timeZone);
      await page.fill('#settings-escalationDays', '400');
      await page.click('#settings button[value=submit]');
      await page.locator('#settings-error[role=alert]').waitFor();
      expect(await page.getAttribute('#settings-escalationDays', 'aria-invalid')).toBe('true');
      await page.fill('#settings-escalationDays', '21');
      await page.fill('#settings-timeZone', 'Africa/Casablanca');
      await page.click('#settings button[value=submit]');
      await expect(page.locator('#settings-done').textContent()).resolves.toContain('escalation after 21 days overdue');
      await expect(page.locator('#settings-done').textContent()).resolves.toContain('Africa/Casablanca');
      await page.goto(`/en/coordination/programmes/${programme.id}`);
      expect(await page.inputValue('#settings-escalationDays')).toBe('21');
    });

    it.each(['ar', 'en'])(
      '%s: the coordination pages have no serious or critical axe violation; screenshots',
      async (locale) => {
        const page = await newPage();
        await logIn(page, locale, 'coordination@demo.ogp.ma', { next: '/coordination' });
        for (const path of [
          '/coordination',
          '/coordination/plans/import',
          '/coordination/ideas',
          '/coordination/ideas?reported=1',
          '/coordination/reports',
          '/coordination/plans',
          '/coordination/cycles',
          '/coordination/publications',
          '/coordination/workshops',
          '/coordination/committee',
          '/coordination/consultation',
        ]) {
          await page.goto(`/${locale}${path}`);
          expect([path, await seriousViolations(page)]).toEqual([path, []]);
          await screenshot(page, `coord-${locale}${path.replace(/[/?=]/g, '-')}`);
        }
      },
    );
  });
}
