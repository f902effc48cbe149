import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import {
  expectToMatchContract,
  freePort,
  Mailbox,
  SpawnedService,
  TEST_DATABASE_URL,
  TestIsolation,
  waitFor,
} from '@ogp/testing';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as ical from 'node-ical';
import { Client } from 'pg';
import * as XLSX from 'xlsx';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import { UsersService } from './identity/users.service';
import { SYSTEM_ADMIN, injectRequest } from './testing/gateway-client.fixture';

const PASSWORD = 'Feeds-for-every-calendar-2026!';
const PORTAL = 'https://portal.test.ma';
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const DAY = 86_400_000;

type Scopes = { institutions: string[]; programmes: string[] };
type Events = ical.VEvent[];

/**
 * What leaves the platform without asking, through the gateway against the real services:
 * iCalendar feeds of a plan, a cycle and a person (private, revocable link), parsed back.
 */
describe('feeds: calendars and open data (gateway + commitments + participation + notifications + reporting, real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  const services: SpawnedService[] = [];
  let mailbox: Mailbox;
  let pg: Client;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let activities: { id: string; endDate: string }[] = [];
  let phases: { kind: string; opensAt: string; closesAt: string }[] = [];

  async function call(
    method: string,
    url: string,
    options: { token?: string; body?: unknown; language?: string } = {},
  ) {
    const res = await injectRequest(app, method, url, {
      token: options.token,
      body: options.body,
      headers: options.language ? { 'accept-language': options.language } : {},
    });
    const type = String(res.headers['content-type'] ?? '');
    const answer = {
      status: res.statusCode,
      body: type.startsWith('application/json') && res.body ? JSON.parse(res.body) : res.body,
      headers: res.headers,
    };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(
      method,
      url.split('?')[0] + (url.includes('?') ? `?${url.split('?')[1]}` : ''),
      answer.status,
      answer.body,
    );
    return answer;
  }

  /** Fetches a calendar, checks it is one, and parses it with node-ical (an RFC 5545 parser). */
  async function calendar(url: string, language?: string): Promise<{ events: Events; raw: string; name: string }> {
    const res = await call('GET', url, { language });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const parsed = ical.sync.parseICS(res.body as string);
    const events = Object.values(parsed).filter((c): c is ical.VEvent => c.type === 'VEVENT');
    const cal = Object.values(parsed).find((c) => c.type === 'VCALENDAR') as unknown as Record<string, string>;
    return { events, raw: res.body as string, name: cal['WR-CALNAME'] };
  }

  async function login(name: string, role: Role, scopes?: Scopes): Promise<void> {
    const users = app.get(UsersService);
    const input = {
      email: `${name}@test.ma`,
      password: PASSWORD,
      displayName: name,
      roles: [role],
      scopes,
      language: 'fr' as const,
    };
    if (role === 'citizen') await users.register(input);
    else await users.createByStaff(SYSTEM_ADMIN, input);
    token[name] = (
      await call('POST', '/auth/login', { body: { email: input.email, password: PASSWORD } })
    ).body.accessToken;
  }

  const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

  beforeAll(async () => {
    mailbox = new Mailbox(await freePort());
    await mailbox.start();
    services.push(
      new SpawnedService('commitments', iso.env('commitments', { HTTP_PORT: String(await freePort()) })).start(),
      new SpawnedService('participation', iso.env('participation', { HTTP_PORT: String(await freePort()) })).start(),
      new SpawnedService(
        'notifications',
        iso.env('notifications', {
          HTTP_PORT: String(await freePort()),
          SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
          PORTAL_URL: PORTAL,
        }),
      ).start(),
      new SpawnedService(
        'reporting',
        iso.env('reporting', { HTTP_PORT: String(await freePort()), PORTAL_URL: PORTAL }),
      ).start(),
    );
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await Promise.all(services.map((s) => s.ready(60000)));
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();

    await login('coordinator', 'coordinator');
    const programme = await call('POST', '/programmes', {
      token: token.coordinator,
      body: { code: 'PROG-FEEDS', kind: 'ogp_national', name: { ar: 'برنامج الحكومة المنفتحة' } },
    });
    expect(programme.status).toBe(201);
    ids.programme = programme.body.id;
    const imported = await call('POST', '/plans/import', {
      token: token.coordinator,
      body: {
        programmeCode: 'PROG-FEEDS',
        plan: {
          code: 'PLAN-FEEDS',
          title: { ar: 'خطة العمل 2026-2028', fr: 'Plan d’action 2026-2028', en: 'Action plan 2026-2028' },
          startDate: '2026-01-01',
          endDate: '2028-12-31',
          status: 'in_implementation',
        },
        institutions: [
          {
            code: 'INST-FEEDS',
            kind: 'ministry',
            name: { ar: 'وزارة الانتقال الرقمي', fr: 'Ministère de la transition numérique' },
          },
        ],
        areas: [{ code: 'AREA-FEEDS', title: { ar: 'الوصول إلى المعلومات', fr: 'Accès à l’information' } }],
        commitments: [
          {
            number: 1,
            areaCode: 'AREA-FEEDS',
            leadInstitutionCode: 'INST-FEEDS',
            title: { ar: 'بوابة البيانات المفتوحة', fr: 'Portail des données ouvertes', en: 'Open data portal' },
            startDate: isoDay(-30),
            endDate: '2028-12-31',
            ogpValues: ['access_to_information'],
            activities: [
              {
                title: { ar: 'إطلاق البوابة', fr: 'Lancer le portail', en: 'Launch the portal' },
                startDate: isoDay(-30),
                endDate: isoDay(40),
                weight: 1,
              },
              {
                title: { ar: 'نشر مجموعات البيانات', fr: 'Publier les jeux de données', en: 'Publish the datasets' },
                startDate: isoDay(-30),
                endDate: isoDay(90),
                weight: 1,
              },
            ],
          },
        ],
      },
    });
    expect(imported.status).toBe(201);
    ids.plan = imported.body.planId;
    const commitment = (await call('GET', `/commitments?planId=${ids.plan}`)).body.items[0];
    ids.commitment = commitment.id;
    const card = (await call('GET', `/commitments/${ids.commitment}`)).body;
    ids.institution = card.leadInstitutionId;
    activities = card.activities.map((a: { id: string; endDate: string }) => ({ id: a.id, endDate: a.endDate }));

    const now = Date.now();
    phases = [
      { kind: 'ideas', opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() },
      {
        kind: 'consultation',
        opensAt: new Date(now + 31 * DAY).toISOString(),
        closesAt: new Date(now + 59 * DAY).toISOString(),
      },
    ];
    const cycle = await call('POST', '/cycles', {
      token: token.coordinator,
      body: {
        programmeId: ids.programme,
        code: 'CYCLE-FEEDS',
        title: { ar: 'دورة الإنشاء المشترك 2026', fr: 'Cycle de co-création 2026', en: 'Co-creation cycle 2026' },
        phases,
        themes: [{ number: 1, title: { ar: 'الشفافية' } }],
      },
    });
    expect(cycle.status).toBe(201);
    ids.cycle = cycle.body.id;
    ids.theme = cycle.body.themes[0].id;
    const workshop = await call('POST', '/workshops', {
      token: token.coordinator,
      body: {
        cycleId: ids.cycle,
        themeId: ids.theme,
        number: 1,
        title: { ar: 'لقاء تشاوري حول الشفافية', fr: 'Atelier sur la transparence', en: 'Transparency workshop' },
        organiser: 'جمعية الشفافية',
        institutions: ['وزارة الانتقال الرقمي'],
        startsAt: new Date(now + 10 * DAY).toISOString(),
        registrationOpensAt: new Date(now - DAY).toISOString(),
        registrationClosesAt: new Date(now + 5 * DAY).toISOString(),
        capacity: 10,
      },
    });
    expect(workshop.status).toBe(201);
    ids.workshop = workshop.body.id;
    ids.workshopStartsAt = workshop.body.startsAt;

    await login('pm', 'project_manager', { institutions: [ids.institution], programmes: [] });
    await login('citizen', 'citizen');
    await login('supporter', 'citizen');
    expect((await call('POST', `/workshops/${ids.workshop}/registrations`, { token: token.citizen })).status).toBe(201);
    expect((await call('PUT', `/me/follows/cycles/${ids.cycle}`, { token: token.citizen })).status).toBe(200);
    const reporting = `"${iso.schema('reporting')}"`;
    await waitFor(
      async () =>
        (await pg.query(`SELECT count(*)::int AS n FROM ${reporting}.rm_activities`)).rows[0].n === 2 &&
        (await pg.query(`SELECT count(*)::int AS n FROM ${reporting}.rm_registrations WHERE status = 'confirmed'`))
          .rows[0].n === 1,
      { what: 'the plan and the registration in the reporting read models', timeoutMs: 30000 },
    );
  }, 180_000);

  afterAll(async () => {
    if (process.env.FEEDS_DEBUG)
      for (const s of services)
        console.log(
          s.service,
          s.output
            .split('\n')
            .filter((l) => /warn|error/i.test(l))
            .join('\n')
            .slice(-4000),
        );
    await app?.close();
    await Promise.all(services.map((s) => s.stop()));
    await mailbox?.stop();
    await pg?.end();
    await iso.cleanup();
  });

  describe('calendars', () => {
    it("a plan's activity deadlines: all-day events on each end date, stable UIDs, DTSTAMP, titles and links in the language asked (?lang= over Accept-Language)", async () => {
      const fr = await calendar(`/calendars/plans/${ids.plan}/deadlines.ics?lang=fr`, 'ar');
      expect(fr.name).toBe('Échéances des activités — Plan d’action 2026-2028');
      expect(fr.events).toHaveLength(2);
      const byUid = new Map(fr.events.map((e) => [e.uid, e]));
      for (const activity of activities) {
        const event = byUid.get(`activity-${activity.id}@ogp-platform`)!;
        expect(event).toBeDefined();
        expect(event.datetype).toBe('date');
        expect((event.start as Date & { dateOnly?: boolean }).dateOnly).toBe(true);
        expect(event.start.toISOString().slice(0, 10)).toBe(activity.endDate);
        expect(event.dtstamp).toBeInstanceOf(Date);
        expect(event.url).toEqual(expect.objectContaining({ val: `${PORTAL}/fr/commitments/${ids.commitment}` }));
      }
      expect(fr.events.map((e) => e.summary).sort()).toEqual([
        'Échéance : Lancer le portail (engagement 1)',
        'Échéance : Publier les jeux de données (engagement 1)',
      ]);
      expect(fr.raw).toMatch(/^DTSTART;VALUE=DATE:\d{8}\r$/m);

      const ar = await calendar(`/calendars/plans/${ids.plan}/deadlines.ics`, 'ar,fr;q=0.5');
      expect(ar.events.map((e) => e.summary).sort()).toEqual(
        ['أجل نشاط: إطلاق البوابة (الالتزام 1)', 'أجل نشاط: نشر مجموعات البيانات (الالتزام 1)'].sort(),
      );
      expect(ar.events.map((e) => e.uid).sort()).toEqual(fr.events.map((e) => e.uid).sort());
      const en = await calendar(`/calendars/plans/${ids.plan}/deadlines.ics`, 'en-GB');
      expect(en.events.map((e) => e.summary)).toContain('Deadline: Launch the portal (commitment 1)');
    });

    it("a cycle's phases (UTC instants) and workshops, in the language asked, linking to the cycle", async () => {
      const en = await calendar(`/calendars/cycles/${ids.cycle}/events.ics?lang=en`);
      const phase = en.events.find((e) => e.uid === `phase-${ids.cycle}-ideas@ogp-platform`)!;
      expect(phase.summary).toBe('Collecting ideas and proposals — Co-creation cycle 2026');
      expect(phase.datetype).toBe('date-time');
      expect(phase.start.toISOString()).toBe(new Date(phases[0].opensAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
      expect(phase.end.toISOString()).toBe(new Date(phases[0].closesAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
      expect(en.raw).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
      const workshop = en.events.find((e) => e.uid === `workshop-${ids.workshop}@ogp-platform`)!;
      expect(workshop.summary).toBe('Workshop: Transparency workshop');
      expect(workshop.start.getTime()).toBe(Math.floor(new Date(ids.workshopStartsAt).getTime() / 1000) * 1000);
      expect(workshop.url).toEqual(expect.objectContaining({ val: `${PORTAL}/en/cycles/${ids.cycle}` }));
      expect(en.events).toHaveLength(3);
      const ar = await calendar(`/calendars/cycles/${ids.cycle}/events.ics`);
      expect(ar.events.find((e) => e.uid === phase.uid)!.summary).toBe(
        'جمع الأفكار والمقترحات — دورة الإنشاء المشترك 2026',
      );
    });

    it('an unknown plan or cycle is 404, a malformed id 400, an unknown language 400', async () => {
      expect((await call('GET', `/calendars/plans/${UNKNOWN}/deadlines.ics`)).status).toBe(404);
      expect((await call('GET', `/calendars/cycles/${UNKNOWN}/events.ics`)).status).toBe(404);
      expect((await call('GET', `/calendars/plans/not-an-id/deadlines.ics`)).status).toBe(400);
      expect((await call('GET', `/calendars/plans/${ids.plan}/deadlines.ics?lang=de`)).status).toBe(400);
    });

    it("a project manager's private feed: their institution's open deadlines and report due dates, read without a session; rotating kills the old link, revoking the new", async () => {
      expect((await call('POST', '/me/calendar-feed')).status).toBe(401);
      expect((await call('GET', '/me/calendar-feed', { token: token.pm })).body).toEqual({
        active: false,
        createdAt: null,
        path: null,
      });
      const issued = await call('POST', '/me/calendar-feed', { token: token.pm });
      expect(issued.status).toBe(201);
      expect(issued.headers['cache-control']).toBe('no-store');
      const path: string = issued.body.path;
      expect(path).toMatch(/^\/calendars\/personal\/[A-Za-z0-9_-]{43}\/deadlines\.ics$/);
      const token43 = path.split('/')[3];
      const stored = (await pg.query(`SELECT token_hash FROM "${iso.schema('gateway')}".calendar_feeds`)).rows.map(
        (r) => r.token_hash,
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]).not.toContain(token43);

      // No Accept-Language: the person's own language (French).
      const mine = await calendar(path);
      expect(mine.name).toBe('Mes échéances — plateforme du gouvernement ouvert');
      expect(mine.events.map((e) => e.uid).sort()).toEqual(
        [...activities.map((a) => `activity-${a.id}@ogp-platform`), `report-due-${ids.commitment}@ogp-platform`].sort(),
      );
      const due = mine.events.find((e) => e.uid === `report-due-${ids.commitment}@ogp-platform`)!;
      // Never reported: due one reporting period (60 days by default) after the commitment's start.
      expect(due.start.toISOString().slice(0, 10)).toBe(isoDay(30));
      expect(due.summary).toBe('Rapport d’avancement attendu : engagement 1 — Portail des données ouvertes');
      expect((await call('GET', path, { language: 'ar' })).body).toContain('أجل نشاط: إطلاق البوابة');
      const res = await call('GET', path);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect((await call('GET', '/me/calendar-feed', { token: token.pm })).body).toEqual({
        active: true,
        createdAt: expect.any(String),
        path: null,
      });

      const rotated = await call('POST', '/me/calendar-feed', { token: token.pm });
      expect(rotated.body.path).not.toBe(path);
      expect((await call('GET', path)).status).toBe(404);
      expect((await call('GET', rotated.body.path)).status).toBe(200);
      expect((await call('DELETE', '/me/calendar-feed', { token: token.pm })).status).toBe(204);
      expect((await call('GET', rotated.body.path)).status).toBe(404);
      expect((await call('GET', '/calendars/personal/not-a-token/deadlines.ics')).status).toBe(404);
    });

    it("a citizen's private feed: the workshop they registered to and the phases of the cycle they follow, nobody's deadlines", async () => {
      const issued = await call('POST', '/me/calendar-feed', { token: token.citizen });
      const mine = await calendar(`${issued.body.path}?lang=en`);
      expect(mine.events.map((e) => e.uid).sort()).toEqual(
        [
          `phase-${ids.cycle}-consultation@ogp-platform`,
          `phase-${ids.cycle}-ideas@ogp-platform`,
          `workshop-${ids.workshop}@ogp-platform`,
        ].sort(),
      );
      expect(mine.events.find((e) => e.uid === `workshop-${ids.workshop}@ogp-platform`)!.summary).toBe(
        'Workshop: Transparency workshop',
      );
    });
  });

  describe('open data', () => {
    const idea: Record<string, string> = {};
    let citizenId: string;

    /** A file as bytes, with its headers; the body is also checked against the OpenAPI document. */
    async function download(url: string, headers: Record<string, string> = {}) {
      const res = await app.inject({ method: 'GET', url, headers });
      return {
        status: res.statusCode,
        headers: res.headers,
        bytes: res.rawPayload,
        text: res.rawPayload.toString('utf8'),
      };
    }
    const csvRows = (text: string) =>
      XLSX.utils.sheet_to_json<string[]>(
        XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', raw: true }).Sheets.Sheet1,
        { header: 1, raw: false },
      );

    beforeAll(async () => {
      citizenId = (await call('GET', '/auth/me', { token: token.citizen })).body.id;
      const submit = async (title: string, anonymous: boolean) => {
        const res = await call('POST', '/ideas', {
          token: token.citizen,
          body: {
            cycleId: ids.cycle,
            themeId: ids.theme,
            title,
            body: `${title}: نص الفكرة المقترحة بالتفصيل.`,
            anonymous,
          },
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      idea.named = await submit('نشر الميزانيات بصيغة مفتوحة', false);
      idea.anonymous = await submit('سجل عمومي للمستفيدين الحقيقيين', true);
      idea.hidden = await submit('فكرة مخالفة لميثاق المشاركة', false);
      expect(
        (
          await call('POST', `/ideas/${idea.hidden}/hide`, {
            token: token.coordinator,
            body: { reason: 'محتوى مخالف لميثاق المشاركة' },
          })
        ).status,
      ).toBe(200);
      const explanation = 'المقترح غير دقيق بما يكفي لإدماجه في التزام.';
      expect(
        (
          await call('POST', `/ideas/${idea.named}/fate`, {
            token: token.coordinator,
            body: { step: 'screen', decision: 'reject', rejectionReason: 'not_precise', explanation },
          })
        ).status,
      ).toBe(200);
      expect(
        (await call('POST', `/ideas/${idea.named}/fate`, { token: token.coordinator, body: { step: 'publish' } }))
          .status,
      ).toBe(200);
    });

    it("a plan's commitments as CSV, JSON and XLSX: headers and labels in the language asked, codes in JSON, titles not ids, dates as dates, the Arabic sheet right to left", async () => {
      const csv = await download(`/open-data/plans/${ids.plan}/commitments.csv?lang=fr`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const [header, row, ...rest] = csvRows(csv.text);
      expect(rest).toHaveLength(0);
      expect(header).toEqual([
        'Numéro',
        'Axe',
        'Engagement',
        'Institution responsable',
        'Date de début',
        'Date de fin',
        'Avancement (%)',
        'Niveau d’achèvement',
        'Activités',
        'Résultats',
      ]);
      expect(row.slice(0, 4)).toEqual([
        '1',
        'Accès à l’information',
        'Portail des données ouvertes',
        'Ministère de la transition numérique',
      ]);
      expect(row[7]).toBe('Non commencé');
      expect(row[8]).toBe('2');

      const json = await download(`/open-data/plans/${ids.plan}/commitments.json`, { 'accept-language': 'en' });
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(json.text)).toEqual([
        {
          number: 1,
          area: 'الوصول إلى المعلومات',
          title: 'Open data portal',
          lead_institution: 'وزارة الانتقال الرقمي',
          start_date: isoDay(-30),
          end_date: '2028-12-31',
          progress: 0,
          completion_level: 'not_started',
          activities: 2,
          results: null,
        },
      ]);

      const xlsx = await download(`/open-data/plans/${ids.plan}/activities.xlsx`);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        'رقم الالتزام',
        'الالتزام',
        'النشاط',
        'الأجل',
        'نسبة الإنجاز (%)',
        'الوضعية',
      ]);
      expect(sheet.getCell('C2').value).toBe('إطلاق البوابة');
      expect(sheet.getCell('D2').value).toEqual(new Date(`${activities[0].endDate}T00:00:00Z`));
      expect(sheet.getCell('F2').value).toBe('لم ينطلق');
      expect(sheet.rowCount).toBe(3);
    });

    it("a cycle's ideas: hidden ideas absent, no author anywhere (anonymous stays anonymous), the published fate with its explanation", async () => {
      const json = JSON.parse((await download(`/open-data/cycles/${ids.cycle}/ideas.json?lang=ar`)).text) as Record<
        string,
        unknown
      >[];
      expect(json.map((i) => i.id).sort()).toEqual([idea.named, idea.anonymous].sort());
      expect(Object.keys(json[0]).sort()).toEqual(
        [
          'id',
          'theme_number',
          'theme',
          'channel',
          'workshop_number',
          'title',
          'body',
          'institution',
          'submitted_on',
          'supports',
          'fate',
          'fate_explanation',
          'fate_published_on',
          'draft_commitment_number',
        ].sort(),
      );
      const named = json.find((i) => i.id === idea.named)!;
      expect(named).toMatchObject({
        fate: 'rejected',
        fate_explanation: 'المقترح غير دقيق بما يكفي لإدماجه في التزام.',
        channel: 'portal',
        theme: 'الشفافية',
        theme_number: 1,
      });
      expect(json.find((i) => i.id === idea.anonymous)).toMatchObject({ fate: null, fate_explanation: null });
      for (const format of ['csv', 'json', 'xlsx']) {
        for (const lang of ['ar', 'fr']) {
          const file = await download(`/open-data/cycles/${ids.cycle}/ideas.${format}?lang=${lang}`);
          expect(file.status).toBe(200);
          const text =
            format === 'xlsx'
              ? XLSX.utils.sheet_to_csv(XLSX.read(file.bytes).Sheets[XLSX.read(file.bytes).SheetNames[0]])
              : file.text;
          expect(text).not.toContain(citizenId);
          expect(text).not.toContain('citizen@test.ma');
          expect(text).not.toContain('فكرة مخالفة');
          expect(text).toContain('سجل عمومي للمستفيدين الحقيقيين');
        }
      }
      const fr = csvRows((await download(`/open-data/cycles/${ids.cycle}/ideas.csv?lang=fr`)).text);
      expect(fr[0][10]).toBe('Sort');
      expect(fr.find((r) => r[0] === idea.named)![10]).toBe('Rejetée');
    });

    it("a cycle's statistics as measure/value lines", async () => {
      const json = JSON.parse((await download(`/open-data/cycles/${ids.cycle}/statistics.json?lang=en`)).text) as {
        measure: string;
        label: string;
        value: number;
      }[];
      expect(json).toEqual(
        expect.arrayContaining([
          { measure: 'ideas.portal', label: 'Proposals through the portal', value: 2 },
          { measure: 'workshop.1.registered', label: 'Registered for workshop 1', value: 1 },
        ]),
      );
    });

    it('cached: an ETag and Cache-Control on every file, 304 on If-None-Match, a new version after a domain change (a support, a commitment renamed)', async () => {
      const url = `/open-data/cycles/${ids.cycle}/ideas.json?lang=fr`;
      const first = await download(url);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const again = await download(url, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.bytes).toHaveLength(0);
      expect((await download(`/open-data/cycles/${ids.cycle}/ideas.json?lang=ar`)).headers.etag).not.toBe(etag);

      expect((await call('POST', `/ideas/${idea.anonymous}/support`, { token: token.supporter })).status).toBe(200);
      const changed = await download(url, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(
        (JSON.parse(changed.text) as { id: string; supports: number }[]).find((i) => i.id === idea.anonymous)!.supports,
      ).toBe(1);

      const plan = `/open-data/plans/${ids.plan}/commitments.csv?lang=en`;
      const before = await download(plan);
      expect((await download(plan, { 'if-none-match': String(before.headers.etag) })).status).toBe(304);
      const renamed = await call('PATCH', `/commitments/${ids.commitment}`, {
        token: token.coordinator,
        body: {
          title: {
            ar: 'بوابة البيانات المفتوحة الوطنية',
            fr: 'Portail national des données ouvertes',
            en: 'National open data portal',
          },
        },
      });
      expect(renamed.status).toBe(200);
      await waitFor(
        async () => (await download(plan, { 'if-none-match': String(before.headers.etag) })).status === 200,
        { what: 'the renamed commitment in open data', timeoutMs: 20000 },
      );
      expect(csvRows((await download(plan)).text)[1][2]).toBe('National open data portal');
    });

    it('an index of every dataset with URLs that answer, their sizes and last change; the dictionary in three languages; unknown subjects 404, unknown files 400', async () => {
      const index = await call('GET', '/open-data?lang=fr');
      expect(index.status).toBe(200);
      expect(index.body.dictionary).toBe('/open-data/dictionary');
      expect(index.body.atom.map((a: { url: string }) => a.url)).toEqual([
        '/open-data/publications/ar.atom',
        '/open-data/publications/fr.atom',
        '/open-data/publications/en.atom',
      ]);
      const mine = (
        index.body.datasets as {
          dataset: string;
          subject: { id: string; title: { fr: string } };
          updatedAt: string;
          files: { format: string; url: string; size: number }[];
        }[]
      ).filter((d) => d.subject.id === ids.plan || d.subject.id === ids.cycle);
      expect(mine.map((d) => d.dataset).sort()).toEqual(['activities', 'commitments', 'ideas', 'statistics']);
      for (const entry of mine) {
        expect(Number.isNaN(Date.parse(entry.updatedAt))).toBe(false);
        expect(entry.files.map((f) => f.format)).toEqual(['csv', 'json', 'xlsx']);
        for (const file of entry.files) {
          const res = await download(file.url);
          expect(res.status).toBe(200);
          expect(res.bytes.length).toBe(file.size);
        }
      }
      expect(mine.find((d) => d.dataset === 'commitments')!.subject.title.fr).toBe('Plan d’action 2026-2028');

      const dictionary = await call('GET', '/open-data/dictionary');
      const ideas = dictionary.body.datasets.find((d: { dataset: string }) => d.dataset === 'ideas');
      const fate = ideas.columns.find((c: { id: string }) => c.id === 'fate');
      expect(fate).toMatchObject({ type: 'code', label: { ar: 'المآل', fr: 'Sort', en: 'Fate' } });
      expect(fate.values).toEqual(
        expect.arrayContaining([
          { code: 'not_retained', label: { ar: 'غير محتفظ بها', fr: 'Non retenue', en: 'Not retained' } },
        ]),
      );
      for (const d of dictionary.body.datasets)
        for (const c of d.columns) expect(Object.keys(c.description).sort()).toEqual(['ar', 'en', 'fr']);

      expect((await call('GET', `/open-data/plans/${UNKNOWN}/commitments.csv`)).status).toBe(404);
      expect((await call('GET', `/open-data/cycles/${UNKNOWN}/ideas.json`)).status).toBe(404);
      expect((await call('GET', `/open-data/plans/${ids.plan}/ideas.csv`)).status).toBe(400);
      expect((await call('GET', `/open-data/plans/${ids.plan}/commitments.pdf`)).status).toBe(400);
    });
  });

  describe('Atom feed of publications', () => {
    const ATOM_NS = 'http://www.w3.org/2005/Atom';
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (name) => ['entry', 'link', 'category'].includes(name),
    });

    async function publication(
      kind: string,
      title: Record<string, string>,
      body: Record<string, string>,
      publish: boolean,
    ): Promise<string> {
      const created = await call('POST', '/publications', { token: token.coordinator, body: { kind, title, body } });
      expect(created.status).toBe(201);
      if (publish)
        expect(
          (await call('POST', `/publications/${created.body.id}/publish`, { token: token.coordinator })).status,
        ).toBe(200);
      return created.body.id;
    }

    /** The feed parsed as XML, with the elements RFC 4287 requires checked. */
    async function atom(language: string, headers: Record<string, string> = {}) {
      const res = await app.inject({ method: 'GET', url: `/open-data/publications/${language}.atom`, headers });
      if (res.statusCode !== 200) return { status: res.statusCode, headers: res.headers, feed: null };
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(XMLValidator.validate(res.body)).toBe(true);
      const feed = parser.parse(res.body).feed;
      expect(feed['@xmlns']).toBe(ATOM_NS);
      expect(feed['@xml:lang']).toBe(language);
      for (const required of ['id', 'title', 'updated', 'author']) expect(feed[required]).toBeDefined();
      for (const entry of feed.entry ?? [])
        for (const required of ['id', 'title', 'updated', 'link']) expect(entry[required]).toBeDefined();
      return { status: 200, headers: res.headers, feed };
    }

    it('published news, minutes and documents, newest first, titles in the language of the URL (Arabic when untranslated), stable ids, links to the portal; drafts absent; 304 until a new publication', async () => {
      const news = await publication(
        'news',
        {
          ar: 'انطلاق الاستشارة العمومية',
          fr: 'Lancement de la consultation publique',
          en: 'Public consultation opens',
        },
        {
          ar: 'تنطلق الاستشارة العمومية حول مشاريع الالتزامات.',
          fr: 'La consultation publique sur les projets d’engagements commence <maintenant>.',
        },
        true,
      );
      const minutes = await publication(
        'minutes',
        { ar: 'محضر اجتماع اللجنة' },
        { ar: 'محضر الاجتماع الثالث للجنة القيادة.' },
        true,
      );
      const draft = await publication(
        'document',
        { ar: 'وثيقة غير منشورة بعد', fr: 'Document pas encore publié' },
        { ar: 'مسودة.' },
        false,
      );

      const fr = (await atom('fr')).feed;
      expect(fr.title).toBe('Publications de la plateforme du gouvernement ouvert');
      const ids = fr.entry.map((e: { id: string }) => e.id);
      expect(ids).toEqual([`urn:uuid:${minutes}`, `urn:uuid:${news}`]);
      expect(ids).not.toContain(`urn:uuid:${draft}`);
      const first = fr.entry.find((e: { id: string }) => e.id === `urn:uuid:${news}`);
      expect(String(first.title['#text'] ?? first.title)).toBe('Lancement de la consultation publique');
      expect(first.link[0]['@href']).toBe(`${PORTAL}/fr/publications#publication-${news}`);
      expect(String(first.content['#text'] ?? first.content)).toContain('&lt;maintenant&gt;');
      expect(String(fr.entry[0].title['#text'] ?? fr.entry[0].title)).toBe('محضر اجتماع اللجنة');
      expect(fr.updated).toBe(fr.entry[0].updated);

      const en = (await atom('en')).feed;
      expect(en.title).toBe('Open government platform publications');
      expect(en.entry.map((e: { id: string }) => e.id)).toEqual(ids);
      const ar = await atom('ar');
      expect(String(ar.feed.entry[1].title['#text'] ?? ar.feed.entry[1].title)).toBe('انطلاق الاستشارة العمومية');

      const etag = String(ar.headers.etag);
      expect(ar.headers['cache-control']).toBe('public, no-cache');
      expect((await atom('ar', { 'if-none-match': etag })).status).toBe(304);
      await call('POST', `/publications/${draft}/publish`, { token: token.coordinator });
      const after = await atom('ar', { 'if-none-match': etag });
      expect(after.status).toBe(200);
      expect(after.feed.entry[0].id).toBe(`urn:uuid:${draft}`);
      expect((await call('GET', '/open-data/publications/de.atom')).status).toBe(400);
    });
  });
});
