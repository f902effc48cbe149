import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { randomUUID } from 'node:crypto';
import { TEST_DATABASE_URL, TestIsolation, waitFor } from '@ogp/testing';
import { Client } from 'pg';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { UsersService } from '../identity/users.service';
import { IdempotentAnswersRepository } from './idempotent-answers.repository';

const PASSWORD = 'correct horse battery';
const SYSTEM_ADMIN = {
  id: '00000000-0000-4000-8000-00000000a001',
  roles: ['admin'] as Role[],
  scopes: { institutions: [], programmes: [] },
};

describe('Idempotency-Key on writes at the gateway (real Postgres)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  let pg: Client;
  let admin: string;

  const account = (email: string) => ({
    email,
    password: PASSWORD,
    displayName: 'Fatima',
    roles: ['committee_member'],
  });
  async function create(body: unknown, key?: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/accounts',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.json(), replayed: res.headers['idempotent-replayed'] };
  }
  const accounts = async (email: string) =>
    Number(
      (await pg.query(`SELECT count(*) FROM "${iso.schema('gateway')}".users WHERE email = $1`, [email])).rows[0].count,
    );

  beforeAll(async () => {
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = await createGatewayApp(config, createLogger('gateway', 'warn')));
    await app.getHttpAdapter().getInstance().ready();
    await app.get(UsersService).createByStaff(SYSTEM_ADMIN, {
      email: 'admin@test.ma',
      password: PASSWORD,
      displayName: 'admin',
      roles: ['admin'],
    });
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'admin@test.ma', password: PASSWORD }),
    });
    admin = login.json().accessToken;
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
  });

  afterAll(async () => {
    await app?.close();
    await pg?.end();
    await iso.cleanup();
  });

  it('a retry with the same key and body gets the first answer, and nothing is written twice', async () => {
    const first = await create(account('one@test.ma'), 'key-1');
    expect(first.status).toBe(201);
    const retry = await create(account('one@test.ma'), 'key-1');
    expect(retry).toEqual({ status: 201, body: first.body, replayed: 'true' });
    expect(await accounts('one@test.ma')).toBe(1);
  });

  it('the same key with another body is 422 IDEMPOTENCY_KEY_REUSED, and nothing is written', async () => {
    await create(account('two@test.ma'), 'key-2');
    const reuse = await create(account('three@test.ma'), 'key-2');
    expect(reuse.status).toBe(422);
    expect(reuse.body.error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringMatching(/different request/),
    });
    expect(await accounts('three@test.ma')).toBe(0);
  });

  it('concurrent duplicates write once; each answer is the first one or a 409 to retry', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(account('four@test.ma'), 'key-4')));
    expect(await accounts('four@test.ma')).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.error.code === 'CONFLICT'))).toBe(true);
  });

  it('a claim whose gateway died mid-request (never completed) is taken over after 30 s: the retry runs', async () => {
    const schema = iso.schema('gateway');
    const { rows } = await pg.query(`SELECT id FROM "${schema}".users WHERE email = 'admin@test.ma'`);
    await pg.query(
      `INSERT INTO "${schema}".idempotent_answers (actor_id, key, fingerprint, created_at) VALUES ($1, 'key-6', 'died', now() - interval '2 minutes')`,
      [rows[0].id],
    );
    const retry = await create(account('six@test.ma'), 'key-6');
    expect(retry.status).toBe(201);
    expect(await accounts('six@test.ma')).toBe(1);
  });

  it('a failed first attempt keeps nothing: the retry runs', async () => {
    const refused = await create({ ...account('five@test.ma'), password: 'short' }, 'key-5');
    expect(refused.status).toBe(400);
    expect((await create({ ...account('five@test.ma'), password: 'short' }, 'key-5')).status).toBe(400);
    expect(await accounts('five@test.ma')).toBe(0);
  });

  it('answers older than 24 h are purged periodically (answered or not); younger ones are kept and still replayed', async () => {
    const schema = iso.schema('gateway');
    const kept = await create(account('seven@test.ma'), 'key-7');
    const actor = randomUUID();
    await pg.query(
      `INSERT INTO "${schema}".idempotent_answers (actor_id, key, fingerprint, status, body, created_at) VALUES
         ($1, 'old-answered', 'f', 201, '{}', now() - interval '25 hours'),
         ($1, 'old-running', 'f', NULL, NULL, now() - interval '24 hours 1 minute'),
         ($1, 'young', 'f', 201, '{}', now() - interval '23 hours')`,
      [actor],
    );
    const keys = async () =>
      (
        await pg.query(`SELECT key FROM "${schema}".idempotent_answers WHERE actor_id = $1 ORDER BY key`, [actor])
      ).rows.map((r) => r.key);
    expect(await keys()).toEqual(['old-answered', 'old-running', 'young']);
    // The purge the gateway runs every hour, run every 200 ms here.
    app.get(IdempotentAnswersRepository).schedulePurge(200);
    await waitFor(async () => (await keys()).length === 1, { what: 'the expired answers purged', timeoutMs: 5000 });
    expect(await keys()).toEqual(['young']);
    expect(await create(account('seven@test.ma'), 'key-7')).toEqual({ status: 201, body: kept.body, replayed: 'true' });
  });
});
