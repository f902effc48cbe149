import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, settledRowCounts, SpawnedService, TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import { UsersService } from './identity/users.service';
import { injectRequest } from './testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';
const SYSTEM_ADMIN = {
  id: '00000000-0000-4000-8000-00000000a001',
  roles: ['admin'] as Role[],
  scopes: { institutions: [], programmes: [] },
};
const SERVICES = ['gateway', 'commitments', 'participation', 'reporting'];

/** The classes of input that used to answer 500 (issue 9): each is a coded 400 or 409 and writes nothing. */
describe('bad input is a coded 4xx, never a 500, and writes nothing (real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  const spawned: SpawnedService[] = [];
  let pg: Client;
  let coordinator: string;
  const ids: Record<string, string> = {};

  async function call(
    method: string,
    url: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) {
    const res = await injectRequest(app, method, url, {
      ...options,
      headers: { 'accept-language': 'en', ...(options.headers ?? {}) },
    });
    let body: any = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      // not JSON: kept as text for the assertion that shows it
    }
    return { status: res.statusCode, body };
  }

  const snapshot = () =>
    settledRowCounts(
      pg,
      SERVICES.map((s) => iso.schema(s)),
    );

  async function expectRefused(
    res: { status: number; body: any },
    status = 400,
    code = 'VALIDATION_FAILED',
  ): Promise<void> {
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    expect(res.body.error.message).toBeTruthy();
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.[jt]s:\d|SELECT|INSERT|violates|stack/);
  }

  beforeAll(async () => {
    for (const service of SERVICES.slice(1))
      spawned.push(new SpawnedService(service, iso.env(service, { HTTP_PORT: String(await freePort()) })).start());
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await Promise.all(spawned.map((s) => s.ready()));
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    await app.get(UsersService).createByStaff(SYSTEM_ADMIN, {
      email: 'coord@test.ma',
      password: PASSWORD,
      displayName: 'coord',
      roles: ['coordinator'],
    });
    coordinator = (await call('POST', '/auth/login', { body: { email: 'coord@test.ma', password: PASSWORD } })).body
      .accessToken;
    const created = async (url: string, body: unknown) => {
      const res = await call('POST', url, { token: coordinator, body });
      expect([url, res.status]).toEqual([url, 201]);
      return res.body;
    };
    ids.programme = (await created('/programmes', { code: 'OGP-MA', kind: 'ogp_national', name: { ar: 'برنامج' } })).id;
    ids.institution = (
      await created('/institutions', { code: 'MEF', kind: 'ministry', name: { ar: 'وزارة الاقتصاد' } })
    ).id;
    ids.plan = (
      await created('/plans', {
        programmeId: ids.programme,
        code: 'P1',
        title: { ar: 'خطة' },
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      })
    ).id;
    ids.area = (await created('/areas', { planId: ids.plan, code: 'A1', title: { ar: 'محور' } })).id;
    const commitment = await created(`/plans/${ids.plan}/commitments`, {
      number: 1,
      areaId: ids.area,
      leadInstitutionId: ids.institution,
      title: { ar: 'التزام' },
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      ogpValues: ['access_to_information'],
      activities: [{ title: { ar: 'نشاط' }, startDate: '2026-01-01', endDate: '2026-06-30' }],
    });
    ids.commitment = commitment.id;
    ids.activity = commitment.activities[0].id;
    const now = Date.now();
    const cycle = await created('/cycles', {
      programmeId: ids.programme,
      code: 'C1',
      title: { ar: 'دورة' },
      phases: [
        {
          kind: 'ideas',
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 30 * 86400_000).toISOString(),
        },
      ],
      themes: [{ number: 1, title: { ar: 'موضوع' } }],
    });
    ids.cycle = cycle.id;
    ids.theme = cycle.themes[0].id;
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(spawned.map((s) => s.stop()));
    await pg?.end();
    await iso.cleanup();
  });

  const workshop = (number: number, extra: Record<string, unknown> = {}) => ({
    cycleId: ids.cycle,
    themeId: ids.theme,
    number,
    title: { ar: 'لقاء' },
    organiser: 'جمعية',
    institutions: [],
    startsAt: '2026-09-10T09:00:00Z',
    registrationOpensAt: '2026-09-01T09:00:00Z',
    registrationClosesAt: '2026-09-09T09:00:00Z',
    capacity: 10,
    ...extra,
  });

  describe('NUL bytes and lone surrogates, anywhere, are one 400', () => {
    const cases: {
      name: string;
      method: string;
      url: () => string;
      body?: () => unknown;
      raw?: string;
      anonymous?: boolean;
      headers?: Record<string, string>;
      field: string;
    }[] = [
      { name: 'search query (anonymous)', method: 'GET', url: () => '/commitments?q=%00', anonymous: true, field: 'q' },
      {
        name: 'other query parameter',
        method: 'GET',
        url: () => `/cycles/${ids.cycle}/ideas/similar?text=a%00b`,
        anonymous: true,
        field: 'text',
      },
      {
        name: 'login e-mail (anonymous)',
        method: 'POST',
        url: () => '/auth/login',
        body: () => ({ email: 'coord\u0000@test.ma', password: PASSWORD }),
        anonymous: true,
        field: 'email',
      },
      {
        name: 'register e-mail (anonymous)',
        method: 'POST',
        url: () => '/auth/register',
        body: () => ({ email: 'a\u0000b@test.ma', password: PASSWORD, displayName: 'x', role: 'citizen' }),
        anonymous: true,
        field: 'email',
      },
      {
        name: 'nested text',
        method: 'POST',
        url: () => '/programmes',
        body: () => ({ code: 'NUL1', kind: 'ogp_national', name: { ar: 'برنامج\u0000' } }),
        field: 'name.ar',
      },
      {
        name: 'lone high surrogate',
        method: 'POST',
        url: () => '/programmes',
        raw: '{"code":"SUR1","kind":"ogp_national","name":{"ar":"a\\ud800b"}}',
        field: 'name.ar',
      },
      {
        name: 'lone low surrogate in an array',
        method: 'POST',
        url: () => '/workshops',
        body: () => workshop(90, { institutions: ['ok', 'x\udc00'] }),
        field: 'institutions.1',
      },
      {
        name: 'a key',
        method: 'POST',
        url: () => '/programmes',
        body: () => ({ code: 'NUL2', kind: 'ogp_national', name: { ar: 'x' }, 'k\u0000': 1 }),
        field: 'k\u0000',
      },
      {
        name: 'path parameter',
        method: 'DELETE',
        url: () => `/workshops/${ids.cycle}/registrations/ab%00cd`,
        field: 'code',
      },
      {
        name: 'idempotency key header',
        method: 'POST',
        url: () => '/programmes',
        body: () => ({ code: 'NUL3', kind: 'ogp_national', name: { ar: 'x' } }),
        headers: { 'idempotency-key': 'k\u0000' },
        field: 'idempotency-key',
      },
    ];

    it.each(cases)('$name: 400, the field named, nothing written', async (c) => {
      const before = await snapshot();
      const res = await call(c.method, c.url(), {
        token: c.anonymous ? undefined : coordinator,
        body: c.body?.(),
        raw: c.raw,
        headers: c.headers,
      });
      await expectRefused(res);
      expect(Object.keys(res.body.error.details.fields)).toEqual([c.field]);
      expect(await snapshot()).toEqual(before);
    });

    it('text with every other character, Arabic and emoji included, still goes through', async () => {
      const res = await call('POST', '/programmes', {
        token: coordinator,
        body: { code: 'TXT1', kind: 'ogp_national', name: { ar: 'برنامج \u0001\t😀 ﷺ' } },
      });
      expect(res.status).toBe(201);
      expect(res.body.name.ar).toBe('برنامج \u0001\t😀 ﷺ');
    });
  });

  it('JSON nested 10,000 levels deep (60 KB), anonymous: 400, the gateway keeps answering', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    for (const url of ['/auth/login', '/auth/register']) await expectRefused(await call('POST', url, { raw: deep }));
    await expectRefused(await call('POST', '/auth/login', { raw: '['.repeat(10_000) + ']'.repeat(10_000) }));
    expect((await call('GET', '/programmes')).status).toBe(200);
  });

  describe('dates that match the pattern but do not exist', () => {
    const cases: { name: string; method: string; url: () => string; body: () => unknown; field: string }[] = [
      {
        name: 'plan start 2026-02-30',
        method: 'POST',
        url: () => '/plans',
        body: () => ({
          programmeId: ids.programme,
          code: 'P2',
          title: { ar: 'خطة' },
          startDate: '2026-02-30',
          endDate: '2027-12-31',
        }),
        field: 'startDate',
      },
      {
        name: 'activity end 2025-02-29 (not a leap year)',
        method: 'POST',
        url: () => `/commitments/${ids.commitment}/activities`,
        body: () => ({ title: { ar: 'نشاط' }, startDate: '2025-01-01', endDate: '2025-02-29' }),
        field: 'endDate',
      },
      {
        name: 'progress report 2026-04-31',
        method: 'POST',
        url: () => `/commitments/${ids.commitment}/progress`,
        body: () => ({ activityId: ids.activity, progress: 10, reportedOn: '2026-04-31' }),
        field: 'reportedOn',
      },
      {
        name: 'commitment edit 2026-13-01',
        method: 'PATCH',
        url: () => `/commitments/${ids.commitment}`,
        body: () => ({ endDate: '2026-13-01' }),
        field: 'endDate',
      },
      {
        name: 'year 0000',
        method: 'POST',
        url: () => '/plans',
        body: () => ({
          programmeId: ids.programme,
          code: 'P3',
          title: { ar: 'خطة' },
          startDate: '0000-01-01',
          endDate: '2027-12-31',
        }),
        field: 'startDate',
      },
      {
        name: 'workshop at 2026-02-30T10:00Z',
        method: 'POST',
        url: () => '/workshops',
        body: () => workshop(91, { startsAt: '2026-02-30T10:00:00Z' }),
        field: 'startsAt',
      },
      {
        name: 'phase in ISO week form',
        method: 'POST',
        url: () => '/cycles',
        body: () => ({
          programmeId: ids.programme,
          code: 'C9',
          title: { ar: 'دورة' },
          phases: [{ kind: 'ideas', opensAt: '2026-W01-1', closesAt: '2026-12-01T00:00:00Z' }],
        }),
        field: 'phases.0.opensAt',
      },
      {
        name: 'seat term 2026-09-31',
        method: 'POST',
        url: () => '/committee/government-seats',
        body: () => ({ holder: 'وزارة', termStart: '2026-09-31', termMonths: 12 }),
        field: 'termStart',
      },
    ];

    it.each(cases)('$name: 400 naming the field, nothing written', async (c) => {
      const before = await snapshot();
      const res = await call(c.method, c.url(), { token: coordinator, body: c.body() });
      await expectRefused(res);
      expect(Object.keys(res.body.error.details.fields)).toContain(c.field);
      expect(await snapshot()).toEqual(before);
    });

    it('29 February of a leap year is a date', async () => {
      const res = await call('POST', `/commitments/${ids.commitment}/activities`, {
        token: coordinator,
        body: { title: { ar: 'نشاط' }, startDate: '2028-01-01', endDate: '2028-02-29' },
      });
      expect(res.status).toBe(201);
    });
  });

  describe('missing or mistyped objects, null where a value is expected', () => {
    const cases: {
      name: string;
      method: string;
      url: () => string;
      body?: () => unknown;
      raw?: string;
      field: string;
    }[] = [
      {
        name: 'programme without its name',
        method: 'POST',
        url: () => '/programmes',
        body: () => ({ code: 'N1', kind: 'ogp_national' }),
        field: 'name',
      },
      {
        name: 'institution with an array for its name',
        method: 'POST',
        url: () => '/institutions',
        body: () => ({ code: 'N2', kind: 'ministry', name: [{ ar: 'وزارة' }] }),
        field: 'name',
      },
      {
        name: 'cycle without its title',
        method: 'POST',
        url: () => '/cycles',
        body: () => ({
          programmeId: ids.programme,
          code: 'N3',
          phases: [{ kind: 'ideas', opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' }],
        }),
        field: 'title',
      },
      {
        name: 'proposed commitment with null title',
        method: 'POST',
        url: () => '/drafts',
        body: () => ({ cycleId: ids.cycle, number: 50, title: null, institution: 'وزارة' }),
        field: 'title',
      },
      {
        name: 'publication without its body',
        method: 'POST',
        url: () => '/publications',
        body: () => ({ kind: 'news', title: { ar: 'خبر' } }),
        field: 'body',
      },
      {
        name: 'plan import without its plan',
        method: 'POST',
        url: () => '/plans/import',
        body: () => ({ programmeCode: 'OGP-MA', commitments: [] }),
        field: 'plan',
      },
      {
        name: 'activity title a string',
        method: 'POST',
        url: () => `/commitments/${ids.commitment}/activities`,
        body: () => ({ title: 'نشاط', startDate: '2026-01-01', endDate: '2026-02-01' }),
        field: 'title',
      },
      {
        name: 'progress null',
        method: 'POST',
        url: () => `/commitments/${ids.commitment}/progress`,
        body: () => ({ activityId: ids.activity, progress: null, reportedOn: '2026-01-15' }),
        field: 'progress',
      },
      {
        name: 'capacity null',
        method: 'POST',
        url: () => '/workshops',
        body: () => workshop(92, { capacity: null }),
        field: 'capacity',
      },
      {
        name: 'optional language null',
        method: 'POST',
        url: () => '/auth/register',
        body: () => ({ email: 'lang@test.ma', password: PASSWORD, displayName: 'x', role: 'citizen', language: null }),
        field: 'language',
      },
      {
        name: 'optional contact an array',
        method: 'PATCH',
        url: () => `/commitments/${ids.commitment}`,
        body: () => ({ contact: [{ name: 'x' }] }),
        field: 'contact',
      },
      {
        name: 'a null body on a write',
        method: 'PUT',
        url: () => `/programmes/${ids.programme}/alert-settings`,
        raw: 'null',
        field: 'body',
      },
      {
        name: 'an array body',
        method: 'PUT',
        url: () => `/programmes/${ids.programme}/alert-settings`,
        raw: '[{"deadlineNoticeDays":3}]',
        field: 'body',
      },
      { name: 'a number body', method: 'POST', url: () => '/programmes', raw: '42', field: 'body' },
      {
        name: 'no body at all on a write',
        method: 'PUT',
        url: () => `/programmes/${ids.programme}/alert-settings`,
        field: 'body',
      },
    ];

    it.each(cases)('$name: 400 naming the field, nothing written', async (c) => {
      const before = await snapshot();
      const res = await call(c.method, c.url(), { token: coordinator, body: c.body?.(), raw: c.raw });
      await expectRefused(res);
      expect(Object.keys(res.body.error.details.fields)).toContain(c.field);
      expect(await snapshot()).toEqual(before);
    });

    it('null still clears where it means "clear" (a weight)', async () => {
      const res = await call('PUT', `/commitments/${ids.commitment}/weights`, {
        token: coordinator,
        body: { weights: [{ activityId: ids.activity, weight: null }] },
      });
      expect(res.status).toBe(200);
    });
  });

  describe("field errors name the field and say what is wrong in the caller's language", () => {
    const body = { code: 'bad code!', kind: 'ogp_national', name: { ar: '' } };
    it.each([
      [
        'en',
        {
          code: ['The field "code" must be 1 to 32 Latin letters, digits, ".", "-" or "_".'],
          'name.ar': ['The field "name.ar" must be 1 to 300 characters long.'],
        },
      ],
      [
        'fr',
        {
          code: ['Le champ « code » doit compter de 1 à 32 lettres latines, chiffres, « . », « - » ou « _ ».'],
          'name.ar': ['Le champ « name.ar » doit compter entre 1 et 300 caractères.'],
        },
      ],
      [
        'ar',
        {
          code: ['يجب أن يتكون الحقل «code» من 1 إلى 32 حرفا لاتينيا أو رقما أو . أو - أو _.'],
          'name.ar': ['يجب أن يتراوح طول الحقل «name.ar» بين 1 و300 حرفا.'],
        },
      ],
    ])('a DTO check, in %s', async (language, fields) => {
      const res = await call('POST', '/programmes', {
        token: coordinator,
        body,
        headers: { 'accept-language': language as string },
      });
      await expectRefused(res);
      expect(res.body.error.details.fields).toEqual(fields);
    });

    it("a check of the owning service, and the gateway's own text check, in the same way", async () => {
      const report = await call('POST', '/reports', {
        token: coordinator,
        body: { kind: 'plan_dashboard', format: 'json' },
        headers: { 'accept-language': 'fr' },
      });
      await expectRefused(report);
      expect(report.body.error.details.fields).toEqual({ planId: ['Le champ « planId » est obligatoire.'] });
      const search = await call('GET', '/commitments?q=%00', { headers: { 'accept-language': 'ar' } });
      expect(search.body.error.details.fields).toEqual({ q: ['يحتوي الحقل «q» على المحرف NUL غير المسموح به.'] });
      const nobody = await call('PUT', `/programmes/${ids.programme}/alert-settings`, {
        token: coordinator,
        raw: 'null',
        headers: { 'accept-language': 'en' },
      });
      expect(nobody.body.error.details.fields).toEqual({ body: ['The field "body" must be a JSON object.'] });
    });
  });

  describe('concurrent creations that hit a unique key: one 201, the others 409 like the sequential case', () => {
    const cases: { name: string; url: () => string; body: () => unknown }[] = [
      {
        name: 'proposed commitments with one number',
        url: () => '/drafts',
        body: () => ({ cycleId: ids.cycle, number: 7, title: { ar: 'التزام مقترح' }, institution: 'وزارة' }),
      },
      { name: 'workshops with one number', url: () => '/workshops', body: () => workshop(7) },
      {
        name: 'institutions with one code',
        url: () => '/institutions',
        body: () => ({ code: 'RACE', kind: 'agency', name: { ar: 'وكالة' } }),
      },
      {
        name: 'plans with one code',
        url: () => '/plans',
        body: () => ({
          programmeId: ids.programme,
          code: 'RACE',
          title: { ar: 'خطة' },
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        }),
      },
      {
        name: 'areas with one code',
        url: () => '/areas',
        body: () => ({ planId: ids.plan, code: 'RACE', title: { ar: 'محور' } }),
      },
      {
        name: 'cycles with one code',
        url: () => '/cycles',
        body: () => ({
          programmeId: ids.programme,
          code: 'RACE',
          title: { ar: 'دورة' },
          phases: [{ kind: 'ideas', opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' }],
        }),
      },
    ];

    it.each(cases)('$name', async (c) => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => call('POST', c.url(), { token: coordinator, body: c.body() })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      for (const a of answers.filter((x) => x.status === 409)) await expectRefused(a, 409, 'ALREADY_EXISTS');
      const sequential = await call('POST', c.url(), { token: coordinator, body: c.body() });
      await expectRefused(sequential, 409, 'ALREADY_EXISTS');
    });
  });
});
