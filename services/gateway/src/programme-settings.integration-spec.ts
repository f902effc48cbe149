import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { CommitmentsRpc, DomainError } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { createLogger, loadConfig, SystemClock } from '@ogp/runtime';
import {
  freePort,
  SpawnedService,
  TEST_DATABASE_URL,
  TestIsolation,
  waitFor,
  expectToMatchContract,
} from '@ogp/testing';
import { addDays, today } from '@ogp/tracking';
import { Client } from 'pg';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import { injectRequest, staffToken } from './testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';
// 25 hours apart: whatever the hour, "today" in Kiritimati is a later date than in Pago Pago.
const AHEAD = 'Pacific/Kiritimati';
const BEHIND = 'Pacific/Pago_Pago';

/**
 * A programme's settings have one home (the commitments service) and reach the reporting
 * service by event: the card, the dashboard and the sweeps follow the same reporting period
 * and time zone. Runs the real gateway, commitments and reporting services.
 */
describe('programme settings: one owner, the late and overdue flags follow everywhere (real servers)', () => {
  const iso = new TestIsolation();
  const clock = new SystemClock();
  let app: NestFastifyApplication;
  let commitments: SpawnedService;
  let reporting: SpawnedService;
  let pg: Client;
  let coordinator: string;
  let programmeId: string;
  let otherProgrammeId: string;
  let planId: string;
  let commitmentId: string;
  let dueActivityId: string;
  const C = () => `"${iso.schema('commitments')}"`;
  const R = () => `"${iso.schema('reporting')}"`;

  async function call(method: string, url: string, options: { token?: string; body?: unknown; raw?: string } = {}) {
    const res = await injectRequest(app, method, url, options);
    const answer = { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(method, url, answer.status, answer.body);
    return answer;
  }

  const login = (email: string, role: Role, scopes?: { institutions: string[]; programmes: string[] }) =>
    staffToken(app, call, PASSWORD, email, role, scopes);

  const settingsOf = async (id: string) =>
    (
      await pg.query(
        `SELECT deadline_notice_days, escalation_days, reporting_period_days, time_zone, settings_version FROM ${C()}.programmes WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const written = async () => ({
    outbox: (
      await pg.query(
        `SELECT count(*)::int AS n FROM ${C()}.outbox WHERE type = 'commitments.programme.settings-changed'`,
      )
    ).rows[0].n,
    history: (await pg.query(`SELECT count(*)::int AS n FROM ${C()}.change_history WHERE action = 'settings_changed'`))
      .rows[0].n,
    copies: (await pg.query(`SELECT count(*)::int AS n FROM ${R()}.programme_settings`)).rows[0].n,
    programme: await settingsOf(programmeId),
  });
  const copyOf = async (id: string) =>
    (
      await pg.query(`SELECT reporting_period_days, time_zone FROM ${R()}.programme_settings WHERE programme_id = $1`, [
        id,
      ])
    ).rows[0];
  const card = async () => (await call('GET', `/commitments/${commitmentId}`)).body;
  const alertsFor = async (kind: string, itemId: string) =>
    (await pg.query(`SELECT count(*)::int AS n FROM ${R()}.alerts WHERE kind = $1 AND item_id = $2`, [kind, itemId]))
      .rows[0].n;
  const sweep = async (kind: string) => {
    const res = await call('POST', `/admin/sweeps/${kind}`, { token: coordinator });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    reporting = new SpawnedService('reporting', iso.env('reporting', { HTTP_PORT: String(await freePort()) })).start();
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await Promise.all([commitments.ready(), reporting.ready()]);
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    coordinator = await login('coord@test.ma', 'coordinator');
    programmeId = (
      await call('POST', '/programmes', {
        token: coordinator,
        body: { code: 'OGP-MA', kind: 'ogp_national', name: { ar: 'برنامج الحكومة المنفتحة' } },
      })
    ).body.id;
    otherProgrammeId = (
      await call('POST', '/programmes', {
        token: coordinator,
        body: { code: 'OGP-TTA', kind: 'ogp_local', name: { ar: 'جهة طنجة تطوان الحسيمة' } },
      })
    ).body.id;

    // Dates around the real today: started 40 days ago, no report since; one activity due today in Pago Pago.
    const t = today(clock, 'UTC');
    const dueDate = today(clock, BEHIND);
    const imported = await call('POST', '/plans/import', {
      token: coordinator,
      body: {
        programmeCode: 'OGP-MA',
        plan: {
          code: 'P-1',
          title: { ar: 'خطة تجريبية' },
          startDate: addDays(t, -60),
          endDate: addDays(t, 400),
          status: 'in_implementation',
        },
        institutions: [{ code: 'MRAFP', kind: 'ministry', name: { ar: 'وزارة إصلاح الإدارة' } }],
        areas: [{ code: 'A1', title: { ar: 'الوصول إلى المعلومات' } }],
        commitments: [
          {
            number: 1,
            areaCode: 'A1',
            leadInstitutionCode: 'MRAFP',
            title: { ar: 'إنشاء بوابة الشفافية' },
            startDate: addDays(t, -40),
            endDate: addDays(t, 300),
            ogpValues: ['access_to_information'],
            activities: [
              { title: { ar: 'إطلاق البوابة' }, startDate: addDays(t, -40), endDate: dueDate, weight: 50 },
              { title: { ar: 'تقييم البوابة' }, startDate: addDays(t, 1), endDate: addDays(t, 200), weight: 50 },
            ],
          },
        ],
      },
    });
    expect(imported.status).toBe(201);
    planId = imported.body.planId;
    const view = (await call('GET', `/commitments?planId=${planId}`)).body.items[0];
    commitmentId = view.id;
    dueActivityId = (await card()).activities.find((a: { endDate: string }) => a.endDate === dueDate).id;
    // The reporting service learns the commitment from its events.
    await waitFor(
      async () =>
        (await pg.query(`SELECT count(*)::int AS n FROM ${R()}.rm_activities WHERE commitment_id = $1`, [commitmentId]))
          .rows[0].n === 2,
      { what: 'the read model', timeoutMs: 20000 },
    );
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([commitments?.stop(), reporting?.stop()]);
    await pg?.end();
    await iso.cleanup();
  });

  it('changing the reporting period through the gateway changes the late flag of the card, the list, the dashboard and the sweep alike', async () => {
    // 40 days without a report: on time under the default 60-day period, which the card states.
    expect(await card()).toMatchObject({ late: false, reportingPeriodDays: 60 });
    expect((await call('GET', `/plans/${planId}/dashboard`)).body.commitments.late).toBe(0);
    await sweep('late_reporting');
    expect(await alertsFor('late_reporting', commitmentId)).toBe(0);

    const res = await call('PUT', `/programmes/${programmeId}/alert-settings`, {
      token: coordinator,
      body: { reportingPeriodDays: 30 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      programmeId,
      deadlineNoticeDays: 14,
      escalationDays: 14,
      reportingPeriodDays: 30,
      timeZone: 'Africa/Casablanca',
    });

    expect(await card()).toMatchObject({ late: true, reportingPeriodDays: 30 });
    expect(
      (await call('GET', `/commitments?planId=${planId}&status=late`)).body.items.map(
        (c: { id: string; reportingPeriodDays: number }) => [c.id, c.reportingPeriodDays],
      ),
    ).toEqual([[commitmentId, 30]]);
    // The write went through this gateway, which dropped its public answers; nothing else keeps one.
    expect((await call('GET', `/plans/${planId}/dashboard`)).body.commitments.late).toBe(1);

    await waitFor(async () => (await copyOf(programmeId))?.reporting_period_days === 30, {
      what: 'the reporting service’s copy of the settings',
    });
    await sweep('late_reporting');
    expect(await alertsFor('late_reporting', commitmentId)).toBe(1);

    // Back to 60: the card is on time again; the history says who changed what.
    expect(
      (
        await call('PUT', `/programmes/${programmeId}/alert-settings`, {
          token: coordinator,
          body: { reportingPeriodDays: 60 },
        })
      ).status,
    ).toBe(200);
    expect((await card()).late).toBe(false);
    const history = (
      await pg.query(
        `SELECT before->>'reportingPeriodDays' AS b, after->>'reportingPeriodDays' AS a FROM ${C()}.change_history WHERE action = 'settings_changed' ORDER BY id`,
      )
    ).rows;
    expect(history).toEqual([
      { b: '60', a: '30' },
      { b: '30', a: '60' },
    ]);
  });

  it('the programme time zone decides "today": an activity due today in Pago Pago is overdue in Kiritimati, on the card and in the sweep', async () => {
    expect(
      (
        await call('PUT', `/programmes/${programmeId}/alert-settings`, {
          token: coordinator,
          body: { timeZone: BEHIND },
        })
      ).status,
    ).toBe(200);
    let view = await card();
    expect(view.activities.find((a: { id: string }) => a.id === dueActivityId).overdue).toBe(false);
    expect(view.overdueActivities).toBe(0);
    await waitFor(async () => (await copyOf(programmeId))?.time_zone === BEHIND, { what: 'the time zone copy' });
    await sweep('overdue');
    expect(await alertsFor('overdue', dueActivityId)).toBe(0);

    expect(
      (
        await call('PUT', `/programmes/${programmeId}/alert-settings`, {
          token: coordinator,
          body: { timeZone: AHEAD },
        })
      ).status,
    ).toBe(200);
    view = await card();
    expect(view.activities.find((a: { id: string }) => a.id === dueActivityId).overdue).toBe(true);
    expect(view.overdueActivities).toBe(1);
    await waitFor(async () => (await call('GET', `/plans/${planId}/dashboard`)).body.activities.overdue === 1, {
      what: 'the dashboard',
    });
    await waitFor(async () => (await copyOf(programmeId))?.time_zone === AHEAD, { what: 'the time zone copy' });
    await sweep('overdue');
    expect(await alertsFor('overdue', dueActivityId)).toBe(1);
  });

  it('a time zone nobody knows is a 400 with the field named, and nothing is written', async () => {
    const before = await written();
    const res = await call('PUT', `/programmes/${programmeId}/alert-settings`, {
      token: coordinator,
      body: { timeZone: 'Mars/Olympus_Mons', reportingPeriodDays: 20 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fields.timeZone).toBeDefined();
    expect(await written()).toEqual(before);
  });

  it('a programme that does not exist: 404 with a code, and no settings row anywhere', async () => {
    const before = await written();
    const ghost = randomUUID();
    const res = await call('PUT', `/programmes/${ghost}/alert-settings`, {
      token: coordinator,
      body: { reportingPeriodDays: 30 },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    await new Promise((r) => setTimeout(r, 500));
    expect(await written()).toEqual(before);
    expect(await copyOf(ghost)).toBeUndefined();
  });

  it('a coordinator of another programme and a committee member get 403, and nothing is written', async () => {
    const before = await written();
    const elsewhere = await login('coord.tta@test.ma', 'coordinator', {
      institutions: [],
      programmes: [otherProgrammeId],
    });
    const outOfScope = await call('PUT', `/programmes/${programmeId}/alert-settings`, {
      token: elsewhere,
      body: { reportingPeriodDays: 30 },
    });
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.error.code).toBe('OUT_OF_SCOPE');
    const member = await login('committee@test.ma', 'committee_member', {
      institutions: [],
      programmes: [programmeId],
    });
    expect(
      (
        await call('PUT', `/programmes/${programmeId}/alert-settings`, {
          token: member,
          body: { reportingPeriodDays: 30 },
        })
      ).status,
    ).toBe(403);
    expect(await written()).toEqual(before);
    // Their own programme is theirs to set.
    expect(
      (
        await call('PUT', `/programmes/${otherProgrammeId}/alert-settings`, {
          token: elsewhere,
          body: { reportingPeriodDays: 45 },
        })
      ).status,
    ).toBe(200);
    await waitFor(async () => (await copyOf(otherProgrammeId))?.reporting_period_days === 45, {
      what: 'the other programme’s copy',
    });
  });

  it('the owning service refuses on its own: a committee member, an out-of-scope coordinator, or settings that are not an object, straight over NATS', async () => {
    const before = await written();
    const rpc = app.get(NatsRpcClient);
    const attempt = (actor: { roles: Role[]; programmes: string[] }) =>
      rpc
        .request(
          CommitmentsRpc.setProgrammeSettings,
          { programmeId, settings: { reportingPeriodDays: 7 } },
          {
            actor: { id: randomUUID(), roles: actor.roles, scopes: { institutions: [], programmes: actor.programmes } },
          },
        )
        .then(
          () => 'written',
          (e: DomainError) => e.code,
        );
    expect(await attempt({ roles: ['committee_member'], programmes: [programmeId] })).toBe('FORBIDDEN');
    expect(await attempt({ roles: ['coordinator'], programmes: [otherProgrammeId] })).toBe('OUT_OF_SCOPE');
    // The shape too: settings that are null or an array never reach the table.
    for (const settings of [null, [{ reportingPeriodDays: 7 }]]) {
      const code = await rpc
        .request(CommitmentsRpc.setProgrammeSettings, { programmeId, settings } as never, {
          actor: { id: randomUUID(), roles: ['admin'], scopes: { institutions: [], programmes: [] } },
        })
        .then(
          () => 'written',
          (e: DomainError) => e.code,
        );
      expect(code).toBe('VALIDATION_FAILED');
    }
    expect(await written()).toEqual(before);
  });

  it('the settings in force are readable by the programme’s staff: its coordinator and an admin; another programme’s coordinator 403, a committee member 403, an unknown programme 404', async () => {
    const read = (token: string, id = programmeId) => call('GET', `/programmes/${id}/alert-settings`, { token });
    const mine = await read(coordinator);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      programmeId,
      deadlineNoticeDays: expect.any(Number),
      escalationDays: expect.any(Number),
      reportingPeriodDays: expect.any(Number),
      timeZone: expect.any(String),
    });
    // What a change wrote is what is read back.
    const set = await call('PUT', `/programmes/${programmeId}/alert-settings`, {
      token: coordinator,
      body: { deadlineNoticeDays: mine.body.deadlineNoticeDays === 10 ? 11 : 10 },
    });
    expect(set.status).toBe(200);
    expect((await read(coordinator)).body).toEqual(set.body);
    expect(
      (
        await call('PUT', `/programmes/${programmeId}/alert-settings`, {
          token: coordinator,
          body: { deadlineNoticeDays: mine.body.deadlineNoticeDays },
        })
      ).status,
    ).toBe(200);
    const elsewhere = await login('coord.tta.read@test.ma', 'coordinator', {
      institutions: [],
      programmes: [otherProgrammeId],
    });
    expect([(await read(elsewhere)).status, (await read(elsewhere)).body.error?.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const member = await login('committee.read@test.ma', 'committee_member', {
      institutions: [],
      programmes: [programmeId],
    });
    expect((await read(member)).status).toBe(403);
    const unknown = await read(coordinator, randomUUID());
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect((await read(coordinator, 'not-an-id')).status).toBe(400);
  });

  it('a null body or an array body is a 400, and nothing is written', async () => {
    const before = await written();
    for (const raw of ['null', '[{"reportingPeriodDays": 30}]', '[]']) {
      const res = await call('PUT', `/programmes/${programmeId}/alert-settings`, { token: coordinator, raw });
      expect({ raw, status: res.status, code: res.body?.error?.code }).toEqual({
        raw,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await written()).toEqual(before);
  });

  it('a rebuild of the reporting read models takes the settings back from their owner, over a copy written before it owned them', async () => {
    const admin = await login('admin@test.ma', 'admin');
    // A copy from the days the reporting service held the settings (version 0), and a lost one.
    await pg.query(
      `UPDATE ${R()}.programme_settings SET reporting_period_days = 90, version = 0 WHERE programme_id = $1`,
      [programmeId],
    );
    await pg.query(`DELETE FROM ${R()}.programme_settings WHERE programme_id = $1`, [otherProgrammeId]);
    const res = await call('POST', '/admin/read-models/rebuild', { token: admin });
    expect(res.status).toBe(200);
    const owner = await settingsOf(programmeId);
    expect(await copyOf(programmeId)).toEqual({
      reporting_period_days: owner.reporting_period_days,
      time_zone: owner.time_zone,
    });
    expect(await copyOf(otherProgrammeId)).toEqual({ reporting_period_days: 45, time_zone: 'Africa/Casablanca' });
  });
});
