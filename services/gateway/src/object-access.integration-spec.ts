import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import {
  freePort,
  SpawnedService,
  TEST_DATABASE_URL,
  TestIsolation,
  waitFor,
  expectToMatchContract,
} from '@ogp/testing';
import { Client } from 'pg';
import { RouteCatalog } from './access/route-catalog';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import { UsersService } from './identity/users.service';
import { SYSTEM_ADMIN, injectRequest } from './testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const DAY = 86_400_000;

type Scopes = { institutions: string[]; programmes: string[] };

/**
 * Object-level access through the gateway, against the real services: each actor acts on and
 * reads what is within their institution or programme, and nothing of the others'.
 */
describe('trust through the gateway: object-level access, statistics and exports (gateway + commitments + participation + reporting)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  const services: SpawnedService[] = [];
  let pg: Client;
  const token: Record<string, string> = {};
  const user: Record<string, string> = {};
  /** Everything of programme A and of programme B, by the same names. */
  const A: Record<string, string> = {};
  const B: Record<string, string> = {};

  async function call(method: string, url: string, options: { token?: string; body?: unknown } = {}) {
    const res = await injectRequest(app, method, url, { ...options, headers: { 'accept-language': 'en' } });
    const type = String(res.headers['content-type'] ?? '');
    const answer = {
      status: res.statusCode,
      body: type.startsWith('application/json') && res.body ? JSON.parse(res.body) : res.body,
    };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(method, url, answer.status, answer.body);
    return answer;
  }

  async function login(name: string, role: Role, scopes?: Scopes): Promise<void> {
    const account = await app.get(UsersService).createByStaff(SYSTEM_ADMIN, {
      email: `${name}@test.ma`,
      password: PASSWORD,
      displayName: name,
      roles: [role],
      scopes,
    });
    user[name] = account.id;
    token[name] = (
      await call('POST', '/auth/login', { body: { email: `${name}@test.ma`, password: PASSWORD } })
    ).body.accessToken;
  }

  const schema = (service: string) => `"${iso.schema(service)}"`;
  const count = async (service: string, sql: string, params: unknown[] = []) =>
    (await pg.query(sql.replace(/\{s\}/g, schema(service)), params)).rows[0].n as number;

  /** A small plan of one programme: one institution, one area, one commitment with an overdue activity. */
  const planFile = (programmeCode: string, suffix: string) => ({
    programmeCode,
    plan: {
      code: `PLAN-${suffix}`,
      title: { ar: `خطة ${suffix}` },
      startDate: '2019-01-01',
      endDate: '2021-12-31',
      status: 'in_implementation',
    },
    institutions: [{ code: `INST-${suffix}`, kind: 'ministry', name: { ar: `وزارة ${suffix}` } }],
    areas: [{ code: `AREA-${suffix}`, title: { ar: `محور ${suffix}` } }],
    commitments: [
      {
        number: 1,
        areaCode: `AREA-${suffix}`,
        leadInstitutionCode: `INST-${suffix}`,
        title: { ar: `التزام ${suffix}` },
        startDate: '2019-01-01',
        endDate: '2021-12-31',
        ogpValues: ['access_to_information'],
        activities: [{ title: { ar: `نشاط ${suffix}` }, startDate: '2019-01-01', endDate: '2019-06-30', weight: 1 }],
      },
    ],
  });

  async function programme(into: Record<string, string>, suffix: string): Promise<void> {
    const created = await call('POST', '/programmes', {
      token: token.coordinator,
      body: { code: `PROG-${suffix}`, kind: 'ogp_national', name: { ar: `برنامج ${suffix}` } },
    });
    expect(created.status).toBe(201);
    into.programme = created.body.id;
    const imported = await call('POST', '/plans/import', {
      token: token.coordinator,
      body: planFile(`PROG-${suffix}`, suffix),
    });
    expect(imported.status).toBe(201);
    into.plan = imported.body.planId;
    const institutions = (await call('GET', '/institutions?limit=100')).body.items as { id: string; code: string }[];
    into.institution = institutions.find((i) => i.code === `INST-${suffix}`)!.id;
    const card = (await call('GET', `/commitments?planId=${into.plan}`)).body.items[0];
    into.commitment = card.id;
    into.area = (await call('GET', `/plans/${into.plan}`)).body.areas[0].id;
    const now = Date.now();
    const cycle = await call('POST', '/cycles', {
      token: token.coordinator,
      body: {
        programmeId: into.programme,
        code: `CYCLE-${suffix}`,
        title: { ar: `دورة ${suffix}` },
        phases: [
          {
            kind: 'ideas',
            opensAt: new Date(now - DAY).toISOString(),
            closesAt: new Date(now + 30 * DAY).toISOString(),
          },
          {
            kind: 'consultation',
            opensAt: new Date(now - DAY).toISOString(),
            closesAt: new Date(now + 30 * DAY).toISOString(),
          },
          {
            kind: 'candidacy',
            opensAt: new Date(now - DAY).toISOString(),
            closesAt: new Date(now + 30 * DAY).toISOString(),
          },
        ],
        themes: [{ number: 1, title: { ar: 'الشفافية' } }],
      },
    });
    expect(cycle.status).toBe(201);
    into.cycle = cycle.body.id;
    into.theme = cycle.body.themes[0].id;
    const draft = await call('POST', '/drafts', {
      token: token.coordinator,
      body: {
        cycleId: into.cycle,
        number: 1,
        title: { ar: `التزام مقترح ${suffix}` },
        institution: `وزارة ${suffix}`,
        institutionId: into.institution,
      },
    });
    expect(draft.status).toBe(201);
    into.draft = draft.body.id;
  }

  beforeAll(async () => {
    for (const name of ['commitments', 'participation', 'reporting']) {
      services.push(new SpawnedService(name, iso.env(name, { HTTP_PORT: String(await freePort()) })).start());
    }
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await Promise.all(services.map((s) => s.ready()));
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    await login('coordinator', 'coordinator');
    await programme(A, 'A');
    await programme(B, 'B');
    await login('pmA', 'project_manager', { institutions: [A.institution], programmes: [] });
    await login('pmB', 'project_manager', { institutions: [B.institution], programmes: [] });
    await login('committeeA', 'committee_member', { institutions: [], programmes: [A.programme] });
    await login('committeeB', 'committee_member', { institutions: [], programmes: [B.programme] });
    for (const [name, role] of [
      ['citizen', 'citizen'],
      ['association', 'cso'],
    ]) {
      expect(
        (
          await call('POST', '/auth/register', {
            body: { email: `${name}@test.ma`, password: PASSWORD, displayName: name, role },
          })
        ).status,
      ).toBe(202);
      token[name] = (
        await call('POST', '/auth/login', { body: { email: `${name}@test.ma`, password: PASSWORD } })
      ).body.accessToken;
    }
    // Something of each programme in every staff list: a blocker, a candidacy, overdue alerts.
    for (const [side, pm] of [
      [A, 'pmA'],
      [B, 'pmB'],
    ] as const) {
      const blocker = await call('POST', `/commitments/${side.commitment}/blockers`, {
        token: token[pm],
        body: { title: 'عائق في التمويل', description: 'لم تصرف الاعتمادات بعد.' },
      });
      expect(blocker.status).toBe(201);
      side.blocker = blocker.body.id;
      const candidacy = await call('POST', '/candidacies', {
        token: token.association,
        body: {
          cycleId: side.cycle,
          organisation: 'جمعية الشفافية',
          statement: 'نترشح لتمثيل المجتمع المدني في لجنة القيادة منذ عشر سنوات.',
        },
      });
      expect(candidacy.status).toBe(201);
      side.candidacy = candidacy.body.id;
    }
    await waitFor(async () => (await count('reporting', `SELECT count(*)::int AS n FROM {s}.rm_activities`)) === 2, {
      what: 'both plans in the reporting read model',
    });
    expect((await call('POST', '/admin/sweeps/overdue', { token: token.coordinator })).body.raised).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(services.map((s) => s.stop()));
    await pg?.end();
    await iso.cleanup();
  });

  describe('answers to consultation comments', () => {
    let commentId: string;
    const answered = () =>
      count('participation', `SELECT count(*)::int AS n FROM {s}.outbox WHERE type = 'participation.comment.answered'`);
    const stored = async (id: string) =>
      (await pg.query(`SELECT answer, answered_by FROM ${schema('participation')}.comments WHERE id = $1`, [id]))
        .rows[0];

    beforeAll(async () => {
      const comment = await call('POST', `/drafts/${A.draft}/comments`, {
        token: token.citizen,
        body: { body: 'أقترح إضافة مؤشر حول عدد الطلبات المعالجة.' },
      });
      expect(comment.status).toBe(201);
      commentId = comment.body.id;
    });

    it('a project manager of another institution gets 403 OUT_OF_SCOPE: nothing written, nobody notified', async () => {
      const events = await answered();
      const res = await call('POST', `/comments/${commentId}/answer`, {
        token: token.pmB,
        body: { answer: 'جواب من مؤسسة أخرى' },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
      expect(await stored(commentId)).toEqual({ answer: null, answered_by: null });
      expect(await answered()).toBe(events);
      expect((await call('GET', `/comments/${commentId}/history`)).body.total).toBe(0);
    });

    it('the institution concerned answers; the same answer again changes nothing', async () => {
      const events = await answered();
      const res = await call('POST', `/comments/${commentId}/answer`, {
        token: token.pmA,
        body: { answer: 'سيضاف المؤشر إلى البطاقة.' },
      });
      expect(res.status).toBe(200);
      expect(res.body.answer).toBe('سيضاف المؤشر إلى البطاقة.');
      const again = await call('POST', `/comments/${commentId}/answer`, {
        token: token.pmA,
        body: { answer: 'سيضاف المؤشر إلى البطاقة.' },
      });
      expect(again.status).toBe(200);
      expect(await answered()).toBe(events + 1);
      const history = (await call('GET', `/comments/${commentId}/history`)).body;
      expect(history.total).toBe(1);
      expect(history.items[0]).toMatchObject({
        action: 'answered',
        actorId: user.pmA,
        before: null,
        after: { answer: 'سيضاف المؤشر إلى البطاقة.' },
      });
    });

    it('after the answer, another institution still cannot overwrite it', async () => {
      const res = await call('POST', `/comments/${commentId}/answer`, {
        token: token.pmB,
        body: { answer: 'محاولة الكتابة فوق الجواب' },
      });
      expect([res.status, res.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
      expect((await stored(commentId)).answer).toBe('سيضاف المؤشر إلى البطاقة.');
      expect((await call('GET', `/comments/${commentId}/history`)).body.total).toBe(1);
    });

    it('a change of answer by the coordination team is kept in the history: who, when, before, after', async () => {
      const res = await call('POST', `/comments/${commentId}/answer`, {
        token: token.coordinator,
        body: { answer: 'أضيف المؤشر في الصيغة النهائية.' },
      });
      expect(res.status).toBe(200);
      const history = (await call('GET', `/comments/${commentId}/history`)).body;
      expect(history.total).toBe(2);
      expect(history.items[1]).toMatchObject({
        action: 'answer_changed',
        actorId: user.coordinator,
        before: { answer: 'سيضاف المؤشر إلى البطاقة.', answeredBy: user.pmA },
        after: { answer: 'أضيف المؤشر في الصيغة النهائية.', answeredBy: user.coordinator },
      });
      expect(new Date(history.items[1].at).getTime()).toBeGreaterThanOrEqual(new Date(history.items[0].at).getTime());
      const listed = (await call('GET', `/drafts/${A.draft}/comments`)).body.items[0];
      expect(listed.answer).toBe('أضيف المؤشر في الصيغة النهائية.');
    });

    it('a draft naming no institution of the platform is answered by the coordination team only', async () => {
      const draft = await call('POST', '/drafts', {
        token: token.coordinator,
        body: { cycleId: A.cycle, number: 2, title: { ar: 'التزام بلا مؤسسة' }, institution: 'هيئة غير مسجلة' },
      });
      expect(draft.body.institutionId).toBeNull();
      const comment = await call('POST', `/drafts/${draft.body.id}/comments`, {
        token: token.citizen,
        body: { body: 'تعليق على التزام بلا مؤسسة.' },
      });
      const refused = await call('POST', `/comments/${comment.body.id}/answer`, {
        token: token.pmA,
        body: { answer: 'جواب غير مسموح' },
      });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
      expect((await stored(comment.body.id)).answer).toBeNull();
      expect(
        (
          await call('POST', `/comments/${comment.body.id}/answer`, {
            token: token.coordinator,
            body: { answer: 'جواب فريق التنسيق' },
          })
        ).status,
      ).toBe(200);
    });

    it('an unknown comment, or a draft naming an unknown institution, is a coded 404 and writes nothing', async () => {
      const res = await call('POST', `/comments/${UNKNOWN}/answer`, {
        token: token.coordinator,
        body: { answer: 'جواب على لا شيء' },
      });
      expect([res.status, res.body.error.code]).toEqual([404, 'NOT_FOUND']);
      expect((await call('GET', `/comments/${UNKNOWN}/history`)).status).toBe(404);
      const drafts = await count('participation', `SELECT count(*)::int AS n FROM {s}.draft_commitments`);
      const draft = await call('POST', '/drafts', {
        token: token.coordinator,
        body: { cycleId: A.cycle, number: 3, title: { ar: 'التزام' }, institution: 'مؤسسة', institutionId: UNKNOWN },
      });
      expect([draft.status, draft.body.error.code]).toEqual([404, 'NOT_FOUND']);
      expect(await count('participation', `SELECT count(*)::int AS n FROM {s}.draft_commitments`)).toBe(drafts);
    });
  });

  describe('staff lists: a member of programme A sees nothing of programme B', () => {
    type Item = Record<string, unknown>;
    interface ScopedList {
      path: string;
      actor: string;
      url: () => string;
      /** Whether a listed item belongs to this programme's fixtures. */
      belongs: (item: Item, side: Record<string, string>) => boolean;
    }
    const items = (body: unknown): Item[] => (Array.isArray(body) ? body : ((body as { items: Item[] }).items ?? []));
    const lists: ScopedList[] = [
      {
        path: '/alerts',
        actor: 'committeeA',
        url: () => '/alerts?limit=100',
        belongs: (i, side) => i.programmeId === side.programme,
      },
      {
        path: '/blockers',
        actor: 'committeeA',
        url: () => '/blockers?limit=100',
        belongs: (i, side) => i.id === side.blocker,
      },
      {
        path: '/blockers',
        actor: 'pmA',
        url: () => '/blockers?limit=100',
        belongs: (i, side) => i.id === side.blocker,
      },
      {
        path: '/cycles/:id/candidacies',
        actor: 'committeeA',
        url: () => `/cycles/${A.cycle}/candidacies`,
        belongs: (i, side) => i.id === side.candidacy,
      },
    ];
    /** Lists of the actor's own things, scoped by the actor's id in the owning service. */
    const OWN = [
      '/auth/me',
      '/me',
      '/me/ideas',
      '/me/notifications',
      '/me/notifications/unread-count',
      '/me/notification-preferences',
      '/me/follows',
      '/me/calendar-feed',
    ];
    /** Roles that see across programmes by design; a route only they read needs no scoped case. */
    const PLATFORM_WIDE = ['coordinator', 'admin'];

    it('every GET route a scoped staff role reads has a scoped case here, or lists only the actor’s own things', () => {
      const scopedReads = app
        .get(RouteCatalog)
        .list()
        .filter((r) => r.method === 'GET' && !r.public && r.roles.some((role) => !PLATFORM_WIDE.includes(role)))
        .map((r) => r.path.replace(/:[A-Za-z]+/g, ':id'));
      expect(scopedReads).toEqual(expect.arrayContaining([...new Set(lists.map((l) => l.path))]));
      const covered = new Set([...lists.map((l) => l.path), ...OWN]);
      expect(scopedReads.filter((p) => !covered.has(p))).toEqual([]);
    });

    it.each(lists)('$path read by $actor: programme A’s items, none of programme B’s', async (list) => {
      const res = await call('GET', list.url(), { token: token[list.actor] });
      expect(res.status).toBe(200);
      const listed = items(res.body);
      expect(listed.some((i) => list.belongs(i, A))).toBe(true);
      expect(listed.filter((i) => list.belongs(i, B))).toEqual([]);
      const coordinatorView = items(
        (await call('GET', list.url().replace(A.cycle, B.cycle), { token: token.coordinator })).body,
      );
      expect(coordinatorView.some((i) => list.belongs(i, B))).toBe(true);
    });

    it.each([
      ['alerts of programme B by its id', () => `/alerts?programmeId=${B.programme}`, 'committeeA'],
      ['candidacies of programme B’s cycle', () => `/cycles/${B.cycle}/candidacies`, 'committeeA'],
    ])('asking for the %s is 403 OUT_OF_SCOPE', async (_label, url, actor) => {
      const res = await call('GET', url(), { token: token[actor] });
      expect([res.status, res.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    });

    it('a foreign commitment in the blockers filter lists nothing; the own programme’s alerts filter works', async () => {
      expect(
        (await call('GET', `/blockers?commitmentId=${B.commitment}`, { token: token.committeeA })).body.total,
      ).toBe(0);
      const own = await call('GET', `/alerts?programmeId=${A.programme}`, { token: token.committeeA });
      expect(own.body.total).toBeGreaterThan(0);
      expect(own.body.items.every((i: Item) => i.programmeId === A.programme)).toBe(true);
      // Each alert about an activity or a commitment names the commitment, so the portal can link to it.
      const aboutItems = own.body.items.filter((i: Item) =>
        ['overdue', 'overdue_escalation', 'commitment_overdue'].includes(i.kind as string),
      );
      expect(aboutItems.length).toBeGreaterThan(0);
      expect(aboutItems.every((i: Item) => i.commitmentId === A.commitment && i.commitmentTitle !== null)).toBe(true);
      expect((await call('GET', `/alerts?programmeId=${A.programme}`, { token: token.committeeB })).status).toBe(403);
    });

    it('a project manager whose scope also names a programme lists only their institution’s blockers, not the programme’s', async () => {
      await login('pmWide', 'project_manager', { institutions: [A.institution], programmes: [B.programme] });
      const ids = (await call('GET', '/blockers?limit=100', { token: token.pmWide })).body.items.map((b: Item) => b.id);
      expect(ids).toContain(A.blocker);
      expect(ids).not.toContain(B.blocker);
    });

    it('a committee member with no programme sees no alerts at all', async () => {
      await login('committeeNone', 'committee_member', { institutions: [], programmes: [] });
      expect((await call('GET', '/alerts', { token: token.committeeNone })).body.total).toBe(0);
    });
  });

  describe('co-creation statistics and the CSV exports', () => {
    async function report(body: Record<string, string>): Promise<string> {
      const requested = await call('POST', '/reports', { token: token.coordinator, body });
      expect(requested.status).toBe(201);
      await waitFor(
        async () => {
          const status = (await call('GET', `/reports/${requested.body.id}`)).body.status;
          if (status === 'failed') throw new Error(`report ${requested.body.id} failed`);
          return status === 'done';
        },
        { what: `${body.kind} report` },
      );
      const file = await app.inject({ method: 'GET', url: `/reports/${requested.body.id}/download` });
      expect(file.statusCode).toBe(200);
      return file.body;
    }

    let workshopId: string;

    beforeAll(async () => {
      const now = Date.now();
      const workshop = await call('POST', '/workshops', {
        token: token.coordinator,
        body: {
          cycleId: A.cycle,
          themeId: A.theme,
          number: 1,
          title: { ar: 'لقاء تشاوري' },
          organiser: 'جمعية الشفافية',
          institutions: ['وزارة A'],
          startsAt: new Date(now + 10 * DAY).toISOString(),
          registrationOpensAt: new Date(now - DAY).toISOString(),
          registrationClosesAt: new Date(now + 5 * DAY).toISOString(),
          capacity: 10,
        },
      });
      expect(workshop.status).toBe(201);
      workshopId = workshop.body.id;
    });

    it('a cancelled workshop registration is not counted as registered in the statistics', async () => {
      const mine = await call('POST', `/workshops/${workshopId}/registrations`, { token: token.citizen });
      expect((await call('POST', `/workshops/${workshopId}/registrations`, { token: token.association })).status).toBe(
        201,
      );
      expect(
        (await call('DELETE', `/workshops/${workshopId}/registrations/${mine.body.code}`, { token: token.citizen }))
          .status,
      ).toBe(200);
      expect((await call('GET', `/workshops/${workshopId}`)).body.confirmed).toBe(1);
      const stats = (await call('GET', `/cycles/${A.cycle}/statistics`)).body;
      expect(stats.workshops).toEqual([expect.objectContaining({ number: 1, registered: 1 })]);
    });

    it('the synthesis CSV has the ideas per theme and the fate counts of the JSON', async () => {
      const idea = await call('POST', '/ideas', {
        token: token.citizen,
        body: {
          cycleId: A.cycle,
          themeId: A.theme,
          title: 'نشر البيانات المفتوحة',
          body: 'اقتراح بنشر ميزانيات الجماعات بصيغة مفتوحة.',
        },
      });
      expect(idea.status).toBe(201);
      expect(
        (
          await call('POST', `/ideas/${idea.body.id}/fate`, {
            token: token.coordinator,
            body: { step: 'screen', decision: 'accept' },
          })
        ).status,
      ).toBe(200);
      const json = JSON.parse(await report({ kind: 'co_creation_synthesis', format: 'json', cycleId: A.cycle }));
      expect(json.ideasByTheme).toEqual([{ themeNumber: 1, portal: 1, workshop: 0 }]);
      expect(json.fate).toMatchObject({ accepted: 1, rejected: 0 });
      const lines = (await report({ kind: 'co_creation_synthesis', format: 'csv', cycleId: A.cycle }))
        .replace(/^\uFEFF/, '')
        .split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'المحور 1: المقترحات عبر البوابة,1',
          'المحور 1: المقترحات خلال اللقاءات,0',
          'المحور 1: مجموع المقترحات,1',
          'المقترحات المقبولة,1',
          'المقترحات المرفوضة,0',
          'المقترحات المعتمدة في التزامات مقترحة,0',
          'المقترحات غير المعتمدة,0',
          'المقترحات المنشور مآلها,0',
          'اللقاء 1: المسجلون / الحاضرون,1 / 0',
        ]),
      );
    });

    it('CSV exports neutralise user text a spreadsheet would run as a formula', async () => {
      const formula = '=HYPERLINK("http://evil.example","انقر")';
      const added = await call('POST', `/commitments/${A.commitment}/activities`, {
        token: token.pmA,
        body: { title: { ar: formula }, startDate: '2020-01-01', endDate: '2020-06-30' },
      });
      expect(added.status).toBe(201);
      await waitFor(
        async () =>
          (await count('reporting', `SELECT count(*)::int AS n FROM {s}.rm_activities WHERE title->>'ar' = $1`, [
            formula,
          ])) === 1,
        { what: 'the activity in the read model' },
      );
      const csv = await report({ kind: 'activities', format: 'csv', planId: A.plan });
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""انقر"")"`);
      const cells = csv.split('\n').flatMap((line) => line.split(','));
      expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);
    });
  });

  describe('every write names something that exists, within the actor’s scope, or changes nothing', () => {
    /** Rows of every table the three services write on a command (the inboxes fill on their own, from events). */
    async function totals(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const service of ['commitments', 'participation']) {
        const { rows } = await pg.query(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name NOT IN ('inbox', 'migrations')`,
          [iso.schema(service)],
        );
        for (const { table_name } of rows)
          out[`${service}.${table_name}`] = await count(service, `SELECT count(*)::int AS n FROM {s}."${table_name}"`);
      }
      out['reporting.reports'] = await count('reporting', `SELECT count(*)::int AS n FROM {s}.reports`);
      return out;
    }

    interface Write {
      name: string;
      method: string;
      url: () => string;
      body?: () => unknown;
      actor?: string;
    }
    const title = { ar: 'عنوان' };
    const unknownParents: Write[] = [
      // commitments
      {
        name: 'a plan of an unknown programme',
        method: 'POST',
        url: () => '/plans',
        body: () => ({ programmeId: UNKNOWN, code: 'P-X', title, startDate: '2024-01-01', endDate: '2025-01-01' }),
      },
      {
        name: 'an area of an unknown plan',
        method: 'POST',
        url: () => '/areas',
        body: () => ({ planId: UNKNOWN, code: 'AR-X', title }),
      },
      {
        name: 'a commitment of an unknown plan',
        method: 'POST',
        url: () => `/plans/${UNKNOWN}/commitments`,
        body: () => ({
          number: 50,
          areaId: A.area,
          title,
          startDate: '2024-01-01',
          endDate: '2024-12-31',
          ogpValues: [],
          leadInstitutionId: A.institution,
        }),
      },
      {
        name: 'a commitment naming an unknown supporting institution',
        method: 'POST',
        url: () => `/plans/${A.plan}/commitments`,
        body: () => ({
          number: 51,
          areaId: A.area,
          title,
          startDate: '2024-01-01',
          endDate: '2024-12-31',
          ogpValues: [],
          leadInstitutionId: A.institution,
          supportingInstitutionIds: [UNKNOWN],
        }),
      },
      {
        name: 'a card change naming an unknown supporting institution',
        method: 'PATCH',
        url: () => `/commitments/${A.commitment}`,
        body: () => ({ supportingInstitutionIds: [B.institution, UNKNOWN] }),
      },
      {
        name: 'a card change of an unknown commitment',
        method: 'PATCH',
        url: () => `/commitments/${UNKNOWN}`,
        body: () => ({ title }),
      },
      {
        name: 'an activity of an unknown commitment',
        method: 'POST',
        url: () => `/commitments/${UNKNOWN}/activities`,
        body: () => ({ title, startDate: '2024-01-01', endDate: '2024-06-30' }),
      },
      {
        name: 'removing an unknown activity',
        method: 'DELETE',
        url: () => `/commitments/${A.commitment}/activities/${UNKNOWN}`,
      },
      {
        name: 'the weight of an unknown activity',
        method: 'PUT',
        url: () => `/commitments/${A.commitment}/weights`,
        body: () => ({ weights: [{ activityId: UNKNOWN, weight: 2 }] }),
      },
      {
        name: 'progress on an unknown activity',
        method: 'POST',
        url: () => `/commitments/${A.commitment}/progress`,
        body: () => ({ activityId: UNKNOWN, progress: 10, reportedOn: '2020-01-15' }),
      },
      {
        name: 'an unknown indicator',
        method: 'PUT',
        url: () => `/commitments/${A.commitment}/indicators`,
        body: () => ({ indicatorId: UNKNOWN, current: 3 }),
      },
      {
        name: 'the manual level of an unknown commitment',
        method: 'PUT',
        url: () => `/commitments/${UNKNOWN}/manual-level`,
        body: () => ({ level: 'limited' }),
      },
      {
        name: 'a level override of an unknown commitment',
        method: 'PUT',
        url: () => `/commitments/${UNKNOWN}/completion-level-override`,
        body: () => ({ level: 'limited', reason: 'تقييم ميداني' }),
      },
      {
        name: 'a communication on an unknown commitment',
        method: 'POST',
        url: () => `/commitments/${UNKNOWN}/communications`,
        body: () => ({ kind: 'press', title, happenedOn: '2020-01-15' }),
      },
      {
        name: 'a blocker on an unknown commitment',
        method: 'POST',
        url: () => `/commitments/${UNKNOWN}/blockers`,
        body: () => ({ title: 'عائق', description: 'وصف العائق' }),
      },
      {
        name: 'an answer to an unknown blocker',
        method: 'POST',
        url: () => `/blockers/${UNKNOWN}/answer`,
        body: () => ({ answer: 'جواب اللجنة' }),
      },
      { name: 'closing an unknown blocker', method: 'POST', url: () => `/blockers/${UNKNOWN}/close` },
      {
        name: 'the strategy of an unknown commitment',
        method: 'PUT',
        url: () => '/tracking-strategy',
        body: () => ({ target: 'commitment', id: UNKNOWN, strategy: 'equal_milestones' }),
      },
      // participation
      {
        name: 'a cycle of an unknown programme',
        method: 'POST',
        url: () => '/cycles',
        body: () => ({
          programmeId: UNKNOWN,
          code: 'CYCLE-X',
          title,
          phases: [{ kind: 'ideas', opensAt: '2030-01-01T00:00:00Z', closesAt: '2030-02-01T00:00:00Z' }],
        }),
      },
      {
        name: 'an idea in an unknown cycle',
        method: 'POST',
        url: () => '/ideas',
        actor: 'citizen',
        body: () => ({ cycleId: UNKNOWN, themeId: A.theme, title: 'فكرة جديدة', body: 'نص الفكرة المقترحة بالتفصيل.' }),
      },
      {
        name: 'a fate step of an unknown idea',
        method: 'POST',
        url: () => `/ideas/${UNKNOWN}/fate`,
        body: () => ({ step: 'screen', decision: 'accept' }),
      },
      {
        name: 'reporting an unknown idea',
        method: 'POST',
        url: () => `/ideas/${UNKNOWN}/report`,
        actor: 'citizen',
        body: () => ({ reason: 'محتوى مسيء' }),
      },
      {
        name: 'hiding an unknown idea',
        method: 'POST',
        url: () => `/ideas/${UNKNOWN}/hide`,
        body: () => ({ reason: 'محتوى مسيء' }),
      },
      { name: 'supporting an unknown idea', method: 'POST', url: () => `/ideas/${UNKNOWN}/support`, actor: 'citizen' },
      {
        name: 'a workshop in an unknown cycle',
        method: 'POST',
        url: () => '/workshops',
        body: () => ({
          cycleId: UNKNOWN,
          themeId: A.theme,
          number: 9,
          title,
          organiser: 'جمعية',
          institutions: [],
          startsAt: '2030-01-10T09:00:00Z',
          registrationOpensAt: '2030-01-01T00:00:00Z',
          registrationClosesAt: '2030-01-09T00:00:00Z',
          capacity: 5,
        }),
      },
      {
        name: 'registering for an unknown workshop',
        method: 'POST',
        url: () => `/workshops/${UNKNOWN}/registrations`,
        actor: 'citizen',
      },
      {
        name: 'cancelling a registration to an unknown workshop',
        method: 'DELETE',
        url: () => `/workshops/${UNKNOWN}/registrations/ABCDEF1234`,
        actor: 'citizen',
      },
      {
        name: 'attendance at an unknown workshop',
        method: 'POST',
        url: () => `/workshops/${UNKNOWN}/attendance`,
        body: () => ({ presentCodes: ['ABCDEF1234'] }),
      },
      {
        name: 'an idea of an unknown workshop',
        method: 'POST',
        url: () => `/workshops/${UNKNOWN}/ideas`,
        body: () => ({ title: 'فكرة من اللقاء', body: 'نص الفكرة المقترحة بالتفصيل.' }),
      },
      {
        name: 'problems of an unknown workshop',
        method: 'PUT',
        url: () => `/workshops/${UNKNOWN}/problems`,
        body: () => ({ problems: [{ title: 'مشكلة', priority: 1 }] }),
      },
      {
        name: 'outputs of an unknown workshop',
        method: 'PUT',
        url: () => `/workshops/${UNKNOWN}/outputs`,
        body: () => ({ reportUrl: 'https://example.org/report.pdf' }),
      },
      {
        name: 'a draft in an unknown cycle',
        method: 'POST',
        url: () => '/drafts',
        body: () => ({ cycleId: UNKNOWN, number: 9, title, institution: 'وزارة' }),
      },
      {
        name: 'a comment on an unknown draft',
        method: 'POST',
        url: () => `/drafts/${UNKNOWN}/comments`,
        actor: 'citizen',
        body: () => ({ body: 'تعليق على التزام' }),
      },
      {
        name: 'a candidacy in an unknown cycle',
        method: 'POST',
        url: () => '/candidacies',
        actor: 'association',
        body: () => ({
          cycleId: UNKNOWN,
          organisation: 'جمعية',
          statement: 'نترشح لتمثيل المجتمع المدني في لجنة القيادة.',
        }),
      },
      {
        name: 'a selection in an unknown cycle',
        method: 'POST',
        url: () => '/committee/selection',
        body: () => ({ cycleId: UNKNOWN, scores: [], seats: 2, termStart: '2030-01-01', termMonths: 24 }),
      },
      {
        name: 'ending an unknown seat',
        method: 'POST',
        url: () => `/committee/seats/${UNKNOWN}/end`,
        body: () => ({ reason: 'انتهاء العضوية' }),
      },
      { name: 'publishing an unknown publication', method: 'POST', url: () => `/publications/${UNKNOWN}/publish` },
      // reporting
      {
        name: 'a report on an unknown plan',
        method: 'POST',
        url: () => '/reports',
        body: () => ({ kind: 'plan_dashboard', format: 'csv', planId: UNKNOWN }),
      },
      {
        name: 'a report on an unknown cycle',
        method: 'POST',
        url: () => '/reports',
        body: () => ({ kind: 'co_creation_synthesis', format: 'csv', cycleId: UNKNOWN }),
      },
    ];

    it.each(unknownParents)('$name: 404 NOT_FOUND, nothing written', async (write) => {
      const before = await totals();
      const res = await call(write.method, write.url(), {
        token: token[write.actor ?? 'coordinator'],
        body: write.body?.(),
      });
      expect([res.status, res.body.error?.code]).toEqual([404, 'NOT_FOUND']);
      expect(await totals()).toEqual(before);
    });

    it.each([
      ['a plan of programme B', () => ({ kind: 'plan_dashboard', format: 'csv', planId: B.plan })],
      ['a cycle of programme B', () => ({ kind: 'co_creation_synthesis', format: 'json', cycleId: B.cycle })],
      ['every plan at once', () => ({ kind: 'activities', format: 'csv' })],
    ])(
      'a committee member of programme A asking for a report on %s: 403 OUT_OF_SCOPE, nothing queued',
      async (_label, body) => {
        const before = await count('reporting', `SELECT count(*)::int AS n FROM {s}.reports`);
        const res = await call('POST', '/reports', { token: token.committeeA, body: body() });
        expect([res.status, res.body.error?.code]).toEqual([403, 'OUT_OF_SCOPE']);
        expect(await count('reporting', `SELECT count(*)::int AS n FROM {s}.reports`)).toBe(before);
      },
    );

    it.each([
      ['null', 'null'],
      ['an empty object', '{}'],
    ])('a body of %s names nothing to change: 400, nothing written', async (_label, raw) => {
      const workshop = (await call('GET', `/cycles/${A.cycle}/workshops`)).body[0];
      for (const [method, url] of [
        ['PUT', `/workshops/${workshop.id}/outputs`],
        ['PATCH', `/commitments/${A.commitment}`],
      ]) {
        const before = await totals();
        const res = await app.inject({
          method: method as 'PUT',
          url,
          headers: { authorization: `Bearer ${token.coordinator}`, 'content-type': 'application/json' },
          payload: raw,
        });
        expect([url, res.statusCode, JSON.parse(res.body).error.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
        expect(await totals()).toEqual(before);
      }
      expect((await call('GET', `/workshops/${workshop.id}`)).body).toMatchObject({
        reportUrl: null,
        recordingUrl: null,
      });
    });

    it('a committee member asks for their own programme’s reports', async () => {
      expect(
        (
          await call('POST', '/reports', {
            token: token.committeeA,
            body: { kind: 'plan_dashboard', format: 'json', planId: A.plan },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await call('POST', '/reports', {
            token: token.committeeA,
            body: { kind: 'co_creation_synthesis', format: 'json', cycleId: A.cycle },
          })
        ).status,
      ).toBe(201);
    });
  });

  describe('the sub-lists and items of a parent that does not exist', () => {
    it('every GET route with a path parameter answers 404 NOT_FOUND for an unknown id, never 200 with an empty list', async () => {
      // A file name in the path is not an id: it gets a real one, the id an unknown one; a route
      // naming only a file (the Atom feed of a language) names nothing that can be missing.
      const FILE = {
        '/open-data/plans/:id/:file': 'commitments.csv',
        '/open-data/cycles/:id/:file': 'ideas.csv',
      } as Record<string, string>;
      const routes = app
        .get(RouteCatalog)
        .list()
        .filter((r) => r.method === 'GET' && /:(?!file\b)/.test(r.path));
      expect(routes.map((r) => r.path)).toEqual(
        expect.arrayContaining([
          '/cycles/:id/ideas',
          '/drafts/:id/comments',
          '/commitments/:id/history',
          '/programmes/:id/plans',
        ]),
      );
      const answers: Record<string, string> = {};
      for (const route of routes) {
        const url =
          route.path.replace(':file', FILE[route.path]).replace(/:[A-Za-z]+/g, UNKNOWN) +
          (route.path.endsWith('/similar') ? '?text=الشفافية' : '');
        const res = await call('GET', url, { token: token.coordinator });
        answers[route.path] = `${res.status} ${res.body?.error?.code ?? ''}`;
      }
      expect(answers).toEqual(Object.fromEntries(routes.map((r) => [r.path, '404 NOT_FOUND'])));
    });

    it('the alerts of an unknown programme: 404 NOT_FOUND', async () => {
      const res = await call('GET', `/alerts?programmeId=${UNKNOWN}`, { token: token.coordinator });
      expect([res.status, res.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('the ideas of a theme that is not in the cycle: 404 NOT_FOUND', async () => {
      const res = await call('GET', `/cycles/${A.cycle}/ideas?themeId=${B.theme}`);
      expect([res.status, res.body.error?.code]).toEqual([404, 'NOT_FOUND']);
      expect((await call('GET', `/cycles/${A.cycle}/ideas?themeId=${A.theme}`)).status).toBe(200);
    });

    it('the blockers of an unknown commitment: 404 NOT_FOUND', async () => {
      const res = await call('GET', `/blockers?commitmentId=${UNKNOWN}`, { token: token.coordinator });
      expect([res.status, res.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    });

    it.each(['planId', 'areaId', 'institutionId'])(
      'the commitments of an unknown %s: 404 NOT_FOUND',
      async (filter) => {
        const res = await call('GET', `/commitments?${filter}=${UNKNOWN}`);
        expect([res.status, res.body.error?.code]).toEqual([404, 'NOT_FOUND']);
        expect((await call('GET', `/commitments?${filter}=${A[filter.replace('Id', '')]}`)).body.total).toBeGreaterThan(
          0,
        );
      },
    );
  });
});
