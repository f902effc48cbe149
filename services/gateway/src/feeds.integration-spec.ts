import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { expectToMatchContract, freePort, Mailbox, SpawnedService, TEST_DATABASE_URL, TestIsolation, waitFor } from '@ogp/testing';
import * as ical from 'node-ical';
import { Client } from 'pg';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import { UsersService } from './identity/users.service';

const PASSWORD = 'Feeds-for-every-calendar-2026!';
const PORTAL = 'https://portal.test.ma';
const SYSTEM_ADMIN = { id: '00000000-0000-4000-8000-00000000a001', roles: ['admin'] as Role[], scopes: { institutions: [], programmes: [] } };
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const DAY = 86_400_000;

type Scopes = { institutions: string[]; programmes: string[] };
type Events = ical.VEvent[];

/**
 * What leaves the platform without asking, through the gateway against the real services:
 * iCalendar feeds of a plan, a cycle and a person (private, revocable link), parsed back.
 */
describe('feeds: calendars (gateway + commitments + participation + notifications + reporting, real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  const services: SpawnedService[] = [];
  let mailbox: Mailbox;
  let pg: Client;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let activities: { id: string; endDate: string }[] = [];
  let phases: { kind: string; opensAt: string; closesAt: string }[] = [];

  async function call(method: string, url: string, options: { token?: string; body?: unknown; language?: string } = {}) {
    const headers: Record<string, string> = {};
    if (options.language) headers['accept-language'] = options.language;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.inject({ method: method as 'GET', url, headers, payload: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const type = String(res.headers['content-type'] ?? '');
    const answer = { status: res.statusCode, body: type.startsWith('application/json') && res.body ? JSON.parse(res.body) : res.body, headers: res.headers };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(method, url.split('?')[0] + (url.includes('?') ? `?${url.split('?')[1]}` : ''), answer.status, answer.body);
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
    const input = { email: `${name}@test.ma`, password: PASSWORD, displayName: name, roles: [role], scopes, language: 'fr' as const };
    if (role === 'citizen') await users.register(input);
    else await users.createByStaff(SYSTEM_ADMIN, input);
    token[name] = (await call('POST', '/auth/login', { body: { email: input.email, password: PASSWORD } })).body.accessToken;
  }

  const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

  beforeAll(async () => {
    mailbox = new Mailbox(await freePort());
    await mailbox.start();
    services.push(
      new SpawnedService('commitments', iso.env('commitments', { HTTP_PORT: String(await freePort()) })).start(),
      new SpawnedService('participation', iso.env('participation', { HTTP_PORT: String(await freePort()) })).start(),
      new SpawnedService('notifications', iso.env('notifications', { HTTP_PORT: String(await freePort()), SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, PORTAL_URL: PORTAL })).start(),
      new SpawnedService('reporting', iso.env('reporting', { HTTP_PORT: String(await freePort()), PORTAL_URL: PORTAL })).start(),
    );
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await Promise.all(services.map((s) => s.ready(60000)));
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();

    await login('coordinator', 'coordinator');
    const programme = await call('POST', '/programmes', { token: token.coordinator, body: { code: 'PROG-FEEDS', kind: 'ogp_national', name: { ar: 'برنامج الحكومة المنفتحة' } } });
    expect(programme.status).toBe(201);
    ids.programme = programme.body.id;
    const imported = await call('POST', '/plans/import', {
      token: token.coordinator,
      body: {
        programmeCode: 'PROG-FEEDS',
        plan: { code: 'PLAN-FEEDS', title: { ar: 'خطة العمل 2026-2028', fr: 'Plan d’action 2026-2028', en: 'Action plan 2026-2028' }, startDate: '2026-01-01', endDate: '2028-12-31', status: 'in_implementation' },
        institutions: [{ code: 'INST-FEEDS', kind: 'ministry', name: { ar: 'وزارة الانتقال الرقمي', fr: 'Ministère de la transition numérique' } }],
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
              { title: { ar: 'إطلاق البوابة', fr: 'Lancer le portail', en: 'Launch the portal' }, startDate: isoDay(-30), endDate: isoDay(40), weight: 1 },
              { title: { ar: 'نشر مجموعات البيانات', fr: 'Publier les jeux de données', en: 'Publish the datasets' }, startDate: isoDay(-30), endDate: isoDay(90), weight: 1 },
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
      { kind: 'consultation', opensAt: new Date(now + 31 * DAY).toISOString(), closesAt: new Date(now + 59 * DAY).toISOString() },
    ];
    const cycle = await call('POST', '/cycles', {
      token: token.coordinator,
      body: { programmeId: ids.programme, code: 'CYCLE-FEEDS', title: { ar: 'دورة الإنشاء المشترك 2026', fr: 'Cycle de co-création 2026', en: 'Co-creation cycle 2026' }, phases, themes: [{ number: 1, title: { ar: 'الشفافية' } }] },
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
    expect((await call('POST', `/workshops/${ids.workshop}/registrations`, { token: token.citizen })).status).toBe(201);
    expect((await call('PUT', `/me/follows/cycles/${ids.cycle}`, { token: token.citizen })).status).toBe(200);
    const reporting = `"${iso.schema('reporting')}"`;
    await waitFor(
      async () =>
        (await pg.query(`SELECT count(*)::int AS n FROM ${reporting}.rm_activities`)).rows[0].n === 2 &&
        (await pg.query(`SELECT count(*)::int AS n FROM ${reporting}.rm_registrations WHERE status = 'confirmed'`)).rows[0].n === 1,
      { what: 'the plan and the registration in the reporting read models', timeoutMs: 30000 },
    );
  }, 180_000);

  afterAll(async () => {
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
      expect(fr.events.map((e) => e.summary).sort()).toEqual(['Échéance : Lancer le portail (engagement 1)', 'Échéance : Publier les jeux de données (engagement 1)']);
      expect(fr.raw).toMatch(/^DTSTART;VALUE=DATE:\d{8}\r$/m);

      const ar = await calendar(`/calendars/plans/${ids.plan}/deadlines.ics`, 'ar,fr;q=0.5');
      expect(ar.events.map((e) => e.summary).sort()).toEqual(['أجل نشاط: إطلاق البوابة (الالتزام 1)', 'أجل نشاط: نشر مجموعات البيانات (الالتزام 1)'].sort());
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
      expect(ar.events.find((e) => e.uid === phase.uid)!.summary).toBe('جمع الأفكار والمقترحات — دورة الإنشاء المشترك 2026');
    });

    it('an unknown plan or cycle is 404, a malformed id 400, an unknown language 400', async () => {
      expect((await call('GET', `/calendars/plans/${UNKNOWN}/deadlines.ics`)).status).toBe(404);
      expect((await call('GET', `/calendars/cycles/${UNKNOWN}/events.ics`)).status).toBe(404);
      expect((await call('GET', `/calendars/plans/not-an-id/deadlines.ics`)).status).toBe(400);
      expect((await call('GET', `/calendars/plans/${ids.plan}/deadlines.ics?lang=de`)).status).toBe(400);
    });

    it("a project manager's private feed: their institution's open deadlines and report due dates, read without a session; rotating kills the old link, revoking the new", async () => {
      expect((await call('POST', '/me/calendar-feed')).status).toBe(401);
      expect((await call('GET', '/me/calendar-feed', { token: token.pm })).body).toEqual({ active: false, createdAt: null, path: null });
      const issued = await call('POST', '/me/calendar-feed', { token: token.pm });
      expect(issued.status).toBe(201);
      expect(issued.headers['cache-control']).toBe('no-store');
      const path: string = issued.body.path;
      expect(path).toMatch(/^\/calendars\/personal\/[A-Za-z0-9_-]{43}\/deadlines\.ics$/);
      const token43 = path.split('/')[3];
      const stored = (await pg.query(`SELECT token_hash FROM "${iso.schema('gateway')}".calendar_feeds`)).rows.map((r) => r.token_hash);
      expect(stored).toHaveLength(1);
      expect(stored[0]).not.toContain(token43);

      // No Accept-Language: the person's own language (French).
      const mine = await calendar(path);
      expect(mine.name).toBe('Mes échéances — plateforme du gouvernement ouvert');
      expect(mine.events.map((e) => e.uid).sort()).toEqual([...activities.map((a) => `activity-${a.id}@ogp-platform`), `report-due-${ids.commitment}@ogp-platform`].sort());
      const due = mine.events.find((e) => e.uid === `report-due-${ids.commitment}@ogp-platform`)!;
      // Never reported: due one reporting period (60 days by default) after the commitment's start.
      expect(due.start.toISOString().slice(0, 10)).toBe(isoDay(30));
      expect(due.summary).toBe('Rapport d’avancement attendu : engagement 1 — Portail des données ouvertes');
      expect((await call('GET', path, { language: 'ar' })).body).toContain('أجل نشاط: إطلاق البوابة');
      const res = await call('GET', path);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect((await call('GET', '/me/calendar-feed', { token: token.pm })).body).toEqual({ active: true, createdAt: expect.any(String), path: null });

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
      expect(mine.events.map((e) => e.uid).sort()).toEqual([`phase-${ids.cycle}-consultation@ogp-platform`, `phase-${ids.cycle}-ideas@ogp-platform`, `workshop-${ids.workshop}@ogp-platform`].sort());
      expect(mine.events.find((e) => e.uid === `workshop-${ids.workshop}@ogp-platform`)!.summary).toBe('Workshop: Transparency workshop');
    });
  });
});
