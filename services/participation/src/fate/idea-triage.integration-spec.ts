import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import { freePort, SpawnedService, TEST_DATABASE_URL, TestIsolation, expectToMatchContract } from '@ogp/testing';
import { Client } from 'pg';
import { createParticipationApp } from '../participation.app';
import { ParticipationConfig } from '../participation.config';

const PASSWORD = 'a long enough password';
const T0 = new Date('2026-03-01T08:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3600_000);

/**
 * Triage through the gateway (real Postgres, NATS, processes): the coordination team lists a
 * cycle's ideas by step, reports and hidden state, and moves a selection one fate step in one
 * transaction (all or none), safely retried with an Idempotency-Key; nobody else may.
 */
describe('idea triage: the list and the bulk fate step (real servers)', () => {
  const iso = new TestIsolation();
  const clock = new FixedClock(hours(1));
  let participation: INestApplication;
  let gateway: SpawnedService;
  let commitments: SpawnedService;
  let base: string;
  let pg: Client;
  const tokens: Record<string, string> = {};
  const cycles: Record<string, { id: string; themeId: string }> = {};
  const ideas: string[] = [];
  let otherIdea = '';

  async function call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: any }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
        'accept-language': 'en',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const answer = { status: res.status, body: text ? JSON.parse(text) : undefined };
    expectToMatchContract(method, path, answer.status, answer.body);
    return answer;
  }
  const count = async (sql: string, params: unknown[] = []) =>
    (await pg.query(sql.replace(/\{s\}/g, `"${iso.schema('participation')}"`), params)).rows[0].n as number;
  const statuses = async (ids: string[]) =>
    (
      await pg.query(
        `SELECT status, count(*)::int AS n FROM "${iso.schema('participation')}".ideas WHERE id = ANY($1::uuid[]) GROUP BY status`,
        [ids],
      )
    ).rows.reduce((o, r) => ({ ...o, [r.status]: r.n }), {});

  async function account(name: string, role: string): Promise<void> {
    if (role === 'citizen')
      expect(
        (
          await call('POST', '/auth/register', undefined, {
            email: `${name}@test.ma`,
            password: PASSWORD,
            displayName: name,
            role,
          })
        ).status,
      ).toBe(202);
    else
      expect(
        (
          await call('POST', '/accounts', tokens.admin, {
            email: `${name}@test.ma`,
            password: PASSWORD,
            displayName: name,
            roles: [role],
          })
        ).status,
      ).toBe(201);
    tokens[name] = (
      await call('POST', '/auth/login', undefined, { email: `${name}@test.ma`, password: PASSWORD })
    ).body.accessToken;
  }

  async function cycle(code: string): Promise<void> {
    const programme = (await call('GET', '/programmes?limit=10')).body.items[0];
    const res = await call('POST', '/cycles', tokens.coordinator, {
      programmeId: programme.id,
      code,
      title: { ar: `دورة ${code}` },
      phases: [
        { kind: 'ideas', opensAt: hours(0).toISOString(), closesAt: hours(48).toISOString() },
        { kind: 'consultation', opensAt: hours(100).toISOString(), closesAt: hours(200).toISOString() },
        { kind: 'candidacy', opensAt: hours(300).toISOString(), closesAt: hours(400).toISOString() },
      ],
      themes: [{ number: 1, title: { ar: 'الولوج للمعلومة' } }],
    });
    expect(res.status).toBe(201);
    cycles[code] = { id: res.body.id, themeId: res.body.themes[0].id };
  }

  beforeAll(async () => {
    const config = loadConfig(ParticipationConfig, iso.env('participation', { IDEA_RATE_LIMIT_PER_HOUR: '100' }));
    ({ app: participation } = await createParticipationApp(config, createLogger('participation', 'warn'), clock));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = new SpawnedService(
      'gateway',
      iso.env('gateway', { HTTP_PORT: String(port), AUTH_RATE_LIMIT_PER_MINUTE: '10000' }),
    ).start();
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    await Promise.all([gateway.ready(), commitments.ready()]);
    execFileSync(process.execPath, [join(__dirname, '..', '..', '..', 'gateway', 'dist', 'cli', 'create-admin.js')], {
      env: { ...process.env, ...iso.env('gateway'), ADMIN_EMAIL: 'admin@test.ma', ADMIN_PASSWORD: PASSWORD },
    });
    tokens.admin = (
      await call('POST', '/auth/login', undefined, { email: 'admin@test.ma', password: PASSWORD })
    ).body.accessToken;
    await account('coordinator', 'coordinator');
    await account('amina', 'citizen');
    await account('pm', 'project_manager');
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    expect(
      (
        await call('POST', '/programmes', tokens.coordinator, {
          code: 'OGP-MA',
          kind: 'ogp_national',
          name: { ar: 'برنامج الحكومة المنفتحة' },
        })
      ).status,
    ).toBe(201);
    await cycle('TRIAGE');
    await cycle('OTHER');
    for (let i = 1; i <= 22; i++) {
      const res = await call('POST', '/ideas', tokens.amina, {
        cycleId: cycles.TRIAGE.id,
        themeId: cycles.TRIAGE.themeId,
        title: `فكرة رقم ${i} للفرز`,
        body: `نص الفكرة رقم ${i} حول نشر المعطيات المفتوحة للجماعات.`,
      });
      expect(res.status).toBe(201);
      ideas.push(res.body.id);
    }
    otherIdea = (
      await call('POST', '/ideas', tokens.amina, {
        cycleId: cycles.OTHER.id,
        themeId: cycles.OTHER.themeId,
        title: 'فكرة من دورة أخرى',
        body: 'نص فكرة من دورة أخرى لا تخص هذا الفرز.',
      })
    ).body.id;
  }, 180000);

  afterAll(async () => {
    await gateway?.stop();
    await commitments?.stop();
    await participation?.close();
    await pg?.end();
    await iso.cleanup();
  });

  const fate = (cycleId: string, body: Record<string, unknown>, token = tokens.coordinator, key?: string) =>
    call('POST', `/cycles/${cycleId}/ideas/fate`, token, body, key);

  it('a coordinator accepts 20 ideas at screening in one call; the same call retried with its Idempotency-Key answers the same and moves nothing more', async () => {
    const twenty = ideas.slice(0, 20);
    const steps = () =>
      count(`SELECT count(*)::int AS n FROM {s}.idea_steps WHERE idea_id = ANY($1::uuid[])`, [twenty]);
    const before = await steps();
    const res = await fate(
      cycles.TRIAGE.id,
      { ideaIds: twenty, step: 'screen', decision: 'accept' },
      tokens.coordinator,
      'triage-screen-20',
    );
    expect(res.status).toBe(200);
    expect(res.body.moved).toBe(20);
    expect(res.body.ideas.every((i: { status: string }) => i.status === 'accepted')).toBe(true);
    expect(await statuses(twenty)).toEqual({ accepted: 20 });
    expect(await steps()).toBe(before + 20);
    const again = await fate(
      cycles.TRIAGE.id,
      { ideaIds: twenty, step: 'screen', decision: 'accept' },
      tokens.coordinator,
      'triage-screen-20',
    );
    expect(again).toEqual(res);
    expect(await steps()).toBe(before + 20);
  });

  it('one idea that cannot take the step refuses the whole selection, naming it; nothing moves', async () => {
    // ideas[0..19] are accepted, ideas[20] is still received: grouping it is an illegal jump.
    const selection = [ideas[18], ideas[19], ideas[20]];
    const res = await fate(cycles.TRIAGE.id, { ideaIds: selection, step: 'group', institution: 'وزارة المالية' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect(res.body.error.details.ideaId).toBe(ideas[20]);
    expect(await statuses(selection)).toEqual({ accepted: 2, received: 1 });
  });

  it('a step without what it needs (a rejection without its reason) is 400 naming the field; nothing moves', async () => {
    const res = await fate(cycles.TRIAGE.id, { ideaIds: [ideas[20], ideas[21]], step: 'screen', decision: 'reject' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details.fields)).toContain('rejectionReason');
    expect(await statuses([ideas[20], ideas[21]])).toEqual({ received: 2 });
  });

  it('an idea of another cycle is refused (404) with the selection; bad selections are 400; only the coordination team may', async () => {
    const res = await fate(cycles.TRIAGE.id, { ideaIds: [ideas[21], otherIdea], step: 'screen', decision: 'accept' });
    expect(res.status).toBe(404);
    expect(res.body.error.details.ideaIds).toEqual([otherIdea]);
    expect(await statuses([ideas[21], otherIdea])).toEqual({ received: 2 });
    expect((await fate(cycles.TRIAGE.id, { ideaIds: [], step: 'screen', decision: 'accept' })).status).toBe(400);
    expect(
      (await fate(cycles.TRIAGE.id, { ideaIds: [ideas[21], ideas[21]], step: 'screen', decision: 'accept' })).status,
    ).toBe(400);
    expect(
      (
        await fate(cycles.TRIAGE.id, {
          ideaIds: Array.from({ length: 101 }, () => ideas[21]),
          step: 'screen',
          decision: 'accept',
        })
      ).status,
    ).toBe(400);
    for (const who of ['amina', 'pm'])
      expect(
        (await fate(cycles.TRIAGE.id, { ideaIds: [ideas[21]], step: 'screen', decision: 'accept' }, tokens[who]))
          .status,
      ).toBe(403);
    expect(await statuses([ideas[21]])).toEqual({ received: 1 });
  });

  it('the triage list: by step, reported ones (the moderation queue), hidden ones too; staff only', async () => {
    const accepted = await call(
      'GET',
      `/cycles/${cycles.TRIAGE.id}/ideas/triage?status=accepted&limit=5`,
      tokens.coordinator,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ total: 20, limit: 5, offset: 0 });
    expect(accepted.body.items.every((i: { status: string }) => i.status === 'accepted')).toBe(true);
    expect(
      (await call('POST', `/ideas/${ideas[5]}/report`, tokens.amina, { reason: 'hors sujet' })).status,
    ).toBeLessThan(300);
    const reported = await call('GET', `/cycles/${cycles.TRIAGE.id}/ideas/triage?reported=true`, tokens.coordinator);
    expect(reported.body.items.map((i: { id: string; reports: number }) => [i.id, i.reports])).toEqual([[ideas[5], 1]]);
    expect(
      (await call('POST', `/ideas/${ideas[5]}/hide`, tokens.coordinator, { reason: 'hors sujet' })).status,
    ).toBeLessThan(300);
    expect(
      (await call('GET', `/cycles/${cycles.TRIAGE.id}/ideas/triage?reported=true`, tokens.coordinator)).body.total,
    ).toBe(0);
    const hidden = await call('GET', `/cycles/${cycles.TRIAGE.id}/ideas/triage?hidden=true`, tokens.coordinator);
    expect(hidden.body.items.map((i: { id: string; hidden: { reason: string } }) => [i.id, i.hidden.reason])).toEqual([
      [ideas[5], 'hors sujet'],
    ]);
    expect((await call('GET', `/cycles/${cycles.TRIAGE.id}/ideas/triage`, tokens.amina)).status).toBe(403);
    expect((await call('GET', `/cycles/${cycles.TRIAGE.id}/ideas/triage?status=nope`, tokens.coordinator)).status).toBe(
      400,
    );
  });
});
