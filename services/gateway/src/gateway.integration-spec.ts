import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role, ROLES } from '@ogp/auth';
import { loadConfig, createLogger } from '@ogp/runtime';
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

describe('gateway: identity, roles, validation and the vertical slice (real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  let commitments: SpawnedService;
  let notifications: SpawnedService;
  let pg: Client;
  const tokens = new Map<Role, string>();
  const userIds = new Map<Role, string>();

  async function gateway(extra: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...extra }));
    const { app: created } = await createGatewayApp(config, createLogger('gateway', 'warn'));
    await created.getHttpAdapter().getInstance().ready();
    return created;
  }

  async function call(
    method: string,
    url: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) {
    const res = await injectRequest(app, method, url, options);
    const answer = { status: res.statusCode, body: res.body ? safeJson(res.body) : undefined, headers: res.headers };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(method, url, answer.status, answer.body);
    return answer;
  }

  function safeJson(text: string): any {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  async function count(sql: string): Promise<number> {
    const { rows } = await pg.query(sql);
    return Number(rows[0].count);
  }

  beforeAll(async () => {
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()), LOG_LEVEL: 'info' }),
    ).start();
    notifications = new SpawnedService(
      'notifications',
      iso.env('notifications', { HTTP_PORT: String(await freePort()), LOG_LEVEL: 'info' }),
    ).start();
    app = await gateway();
    await Promise.all([commitments.ready(), notifications.ready()]);
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    const users = app.get(UsersService);
    for (const role of ROLES) {
      const account = await users.createByStaff(SYSTEM_ADMIN, {
        email: `${role}@test.ma`,
        password: PASSWORD,
        displayName: role,
        roles: [role],
      });
      userIds.set(role, account.id);
      const res = await call('POST', '/auth/login', { body: { email: `${role}@test.ma`, password: PASSWORD } });
      expect(res.status).toBe(200);
      tokens.set(role, res.body.accessToken);
    }
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([commitments?.stop(), notifications?.stop()]);
    await pg?.end();
    await iso.cleanup();
  });

  describe('log in', () => {
    it('a wrong password answers 401 and no token', async () => {
      const res = await call('POST', '/auth/login', {
        body: { email: 'citizen@test.ma', password: 'not the password' },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(res.body.accessToken).toBeUndefined();
      expect(res.body.refreshToken).toBeUndefined();
    });

    it('an unknown e-mail answers exactly like a wrong password', async () => {
      const res = await call('POST', '/auth/login', { body: { email: 'nobody@test.ma', password: 'whatever-it-is' } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    });

    it('locks an account after repeated failures, even against the right password', async () => {
      await app.get(UsersService).createByStaff(SYSTEM_ADMIN, {
        email: 'victim@test.ma',
        password: PASSWORD,
        displayName: 'victim',
        roles: ['citizen'],
      });
      for (let i = 0; i < 5; i++)
        expect(
          (await call('POST', '/auth/login', { body: { email: 'victim@test.ma', password: 'guess-' + i } })).status,
        ).toBe(401);
      const res = await call('POST', '/auth/login', { body: { email: 'victim@test.ma', password: PASSWORD } });
      expect(res.status).toBe(423);
      expect(res.body.error.code).toBe('ACCOUNT_LOCKED');
    });

    it('stores passwords as argon2id hashes, never in clear', async () => {
      const { rows } = await pg.query(
        `SELECT password_hash FROM "${iso.schema('gateway')}".users WHERE email = 'citizen@test.ma'`,
      );
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(rows[0].password_hash).not.toContain(PASSWORD);
    });

    it('answers in the language the caller asks for, Arabic by default', async () => {
      const fr = await call('POST', '/auth/login', {
        body: { email: 'x@test.ma', password: 'yyyyyyyyyyyy' },
        headers: { 'accept-language': 'fr' },
      });
      expect(fr.body.error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
      const ar = await call('POST', '/auth/login', { body: { email: 'x@test.ma', password: 'yyyyyyyyyyyy' } });
      expect(ar.body.error.message).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
      expect(ar.headers['content-language']).toBe('ar');
    });
  });

  describe('refresh tokens', () => {
    async function login(): Promise<{ accessToken: string; refreshToken: string }> {
      return (await call('POST', '/auth/login', { body: { email: 'cso@test.ma', password: PASSWORD } })).body;
    }

    it('rotate: a refresh gives a new pair, and reusing the old one is refused and ends the session', async () => {
      const first = await login();
      const second = await call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      const reused = await call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(reused.status).toBe(401);
      expect(reused.body.error.code).toBe('TOKEN_INVALID');
      // Reuse means theft: the whole session is revoked, including the newest token.
      const afterTheft = await call('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(afterTheft.status).toBe(401);
    });

    it('logout revokes the refresh token and the access token', async () => {
      const pair = await login();
      expect((await call('GET', '/auth/me', { token: pair.accessToken })).status).toBe(200);
      expect((await call('POST', '/auth/logout', { token: pair.accessToken })).status).toBe(204);
      expect((await call('POST', '/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status).toBe(401);
      const me = await call('GET', '/auth/me', { token: pair.accessToken });
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('TOKEN_INVALID');
    });

    it('a forged or malformed refresh token is refused', async () => {
      expect((await call('POST', '/auth/refresh', { body: { refreshToken: 'garbage' } })).status).toBe(401);
      const pair = await login();
      const [id] = pair.refreshToken.split('.');
      expect((await call('POST', '/auth/refresh', { body: { refreshToken: `${id}.forgedsecret` } })).status).toBe(401);
    });
  });

  describe('access tokens verified before', () => {
    const login = async () =>
      (await call('POST', '/auth/login', { body: { email: 'cso@test.ma', password: PASSWORD } })).body
        .accessToken as string;

    it('a token differing in any byte from one verified before is verified afresh and refused', async () => {
      const token = await login();
      expect((await call('GET', '/auth/me', { token })).status).toBe(200); // verified, now known
      const [header, payload, signature] = token.split('.');
      const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const raised = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
      for (const forged of [`${header}.${payload}.${flipped}`, `${header}.${raised}.${signature}`]) {
        const me = await call('GET', '/auth/me', { token: forged });
        expect(me.status).toBe(401);
        expect(me.body.error.code).toBe('TOKEN_INVALID');
      }
      expect((await call('GET', '/auth/me', { token })).status).toBe(200);
    });

    it('a token verified before is refused from the second it expires', async () => {
      const claims = JSON.parse(Buffer.from((await login()).split('.')[1], 'base64url').toString());
      const { sub, sid, roles, scopes, lang } = claims;
      const short = await app.get(JwtService).signAsync({ sub, sid, roles, scopes, lang }, { expiresIn: 1 });
      const exp = JSON.parse(Buffer.from(short.split('.')[1], 'base64url').toString()).exp as number;
      expect((await call('GET', '/auth/me', { token: short })).status).toBe(200);
      await waitFor(async () => Date.now() >= exp * 1000, { timeoutMs: 3000 });
      const me = await call('GET', '/auth/me', { token: short });
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('TOKEN_INVALID');
    });
  });

  describe('token answers are never cached', () => {
    it('login and refresh answer Cache-Control: no-store and Pragma: no-cache', async () => {
      const login = await call('POST', '/auth/login', { body: { email: 'cso@test.ma', password: PASSWORD } });
      expect(login.status).toBe(200);
      expect(login.headers['cache-control']).toBe('no-store');
      expect(login.headers.pragma).toBe('no-cache');
      const refresh = await call('POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
      expect(refresh.status).toBe(200);
      expect(refresh.headers['cache-control']).toBe('no-store');
      expect(refresh.headers.pragma).toBe('no-cache');
    });
  });

  describe('password policy (OWASP ASVS 2.1)', () => {
    const users = () => count(`SELECT count(*) FROM "${iso.schema('gateway')}".users`);
    const cases = [
      { password: 'aaaaaaaaaa', code: 'PASSWORD_TOO_SHORT' },
      { password: '1234567890', code: 'PASSWORD_TOO_SHORT' },
      { password: 'aaaaaaaaaaaa', code: 'PASSWORD_TOO_COMMON' },
      { password: '123456789012', code: 'PASSWORD_TOO_COMMON' },
      { password: 'football2024', code: 'PASSWORD_TOO_COMMON' },
      { password: 'iamnadia.idrissi!', code: 'PASSWORD_CONTAINS_PERSONAL_DATA' },
      { password: 'Idrissi-and-the-sea', code: 'PASSWORD_CONTAINS_PERSONAL_DATA' },
    ];

    it.each(cases)('registration refuses $password with $code and writes nothing', async ({ password, code }) => {
      const before = await users();
      const res = await call('POST', '/auth/register', {
        body: { email: 'nadia.idrissi@test.ma', password, displayName: 'Nadia Idrissi', role: 'citizen' },
        headers: { 'accept-language': 'en' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(await users()).toBe(before);
    });

    it('says why in Arabic, French and English', async () => {
      const body = {
        email: 'nadia.idrissi@test.ma',
        password: 'aaaaaaaaaa',
        displayName: 'Nadia Idrissi',
        role: 'citizen',
      };
      const messages = await Promise.all(
        ['ar', 'fr', 'en'].map(
          async (lang) =>
            (await call('POST', '/auth/register', { body, headers: { 'accept-language': lang } })).body.error.message,
        ),
      );
      expect(messages).toEqual([
        'كلمة المرور قصيرة جدا: يجب ألا تقل عن 12 حرفا.',
        'Mot de passe trop court : il faut au moins 12 caractères.',
        'Password too short: it needs at least 12 characters.',
      ]);
    });

    it('applies to accounts created by the coordination team too', async () => {
      const res = await call('POST', '/accounts', {
        token: tokens.get('coordinator'),
        body: { email: 'weak.pm@test.ma', password: 'password1234', displayName: 'weak', roles: ['project_manager'] },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('PASSWORD_TOO_COMMON');
      expect(await count(`SELECT count(*) FROM "${iso.schema('gateway')}".users WHERE email = 'weak.pm@test.ma'`)).toBe(
        0,
      );
    });
  });

  describe('roles: deny by default', () => {
    it('every route declares either @Public or the roles it admits', () => {
      const routes = app.get(RouteCatalog).list();
      expect(routes.length).toBeGreaterThan(10);
      for (const route of routes) expect(route.public || route.roles.length > 0).toBe(true);
    });

    it('each role-restricted route answers 403 to every role it does not admit, and 401 without a token', async () => {
      const restricted = app
        .get(RouteCatalog)
        .list()
        .filter((r) => !r.public);
      let checked = 0;
      for (const route of restricted) {
        const url = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
        const anonymous = await call(route.method, url, { body: route.method === 'GET' ? undefined : {} });
        expect({ route: `${route.method} ${route.path}`, status: anonymous.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 401,
        });
        for (const role of ROLES.filter((r) => !route.roles.includes(r))) {
          const res = await call(route.method, url, {
            token: tokens.get(role),
            body: route.method === 'GET' ? undefined : {},
          });
          expect({
            route: `${route.method} ${route.path}`,
            role,
            status: res.status,
            code: res.body?.error?.code,
          }).toEqual({
            route: `${route.method} ${route.path}`,
            role,
            status: 403,
            code: 'FORBIDDEN',
          });
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('a coordinator creates and deactivates a project manager, whose token then stops working', async () => {
      const created = await call('POST', '/accounts', {
        token: tokens.get('coordinator'),
        body: {
          email: 'pm2@test.ma',
          password: PASSWORD,
          displayName: 'مدير مشروع',
          roles: ['project_manager'],
          scopes: { institutions: ['inst-a'], programmes: [] },
        },
      });
      expect(created.status).toBe(201);
      const login = await call('POST', '/auth/login', { body: { email: 'pm2@test.ma', password: PASSWORD } });
      expect(login.status).toBe(200);
      const off = await call('POST', `/accounts/${created.body.id}/deactivate`, { token: tokens.get('coordinator') });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      await new Promise((r) => setTimeout(r, 3100)); // the gateway caches a live session for 3 s
      expect((await call('GET', '/auth/me', { token: login.body.accessToken })).status).toBe(401);
      const history = await count(
        `SELECT count(*) FROM "${iso.schema('gateway')}".audit_trail WHERE user_id = '${created.body.id}'`,
      );
      expect(history).toBe(2);
    });

    it('a coordinator may not create an admin', async () => {
      const res = await call('POST', '/accounts', {
        token: tokens.get('coordinator'),
        body: { email: 'evil@test.ma', password: PASSWORD, displayName: 'x', roles: ['admin'] },
      });
      expect(res.status).toBe(403);
      expect(await count(`SELECT count(*) FROM "${iso.schema('gateway')}".users WHERE email = 'evil@test.ma'`)).toBe(0);
    });

    it('self-registration can only give citizen or cso', async () => {
      const res = await call('POST', '/auth/register', {
        body: { email: 'sneaky@test.ma', password: PASSWORD, displayName: 'x', role: 'admin' },
      });
      expect(res.status).toBe(400);
      expect(await count(`SELECT count(*) FROM "${iso.schema('gateway')}".users WHERE email = 'sneaky@test.ma'`)).toBe(
        0,
      );
    });
  });

  describe('bad input changes nothing', () => {
    async function snapshot(): Promise<number[]> {
      const counts: number[] = [];
      for (const table of [
        `${iso.schema('gateway')}".users`,
        `${iso.schema('gateway')}".outbox`,
        `${iso.schema('commitments')}".programmes`,
        `${iso.schema('commitments')}".outbox`,
      ]) {
        counts.push(await count(`SELECT count(*) FROM "${table}`));
      }
      return counts;
    }

    const cases: {
      name: string;
      url: string;
      raw?: string;
      body?: unknown;
      status: number;
      code: string;
      headers?: Record<string, string>;
    }[] = [
      {
        name: 'malformed JSON (register)',
        url: '/auth/register',
        raw: '{"email": "a@b.ma", ',
        status: 400,
        code: 'MALFORMED_JSON',
      },
      { name: 'malformed JSON (programme)', url: '/programmes', raw: '{not json', status: 400, code: 'MALFORMED_JSON' },
      {
        name: 'unknown field',
        url: '/auth/register',
        body: { email: 'u1@test.ma', password: PASSWORD, displayName: 'u', role: 'citizen', isAdmin: true },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'unknown nested field',
        url: '/programmes',
        body: { code: 'P1', kind: 'ogp_national', name: { ar: 'برنامج', de: 'x' } },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'wrong type',
        url: '/auth/register',
        body: { email: 'u2@test.ma', password: 12345678901, displayName: 'u', role: 'citizen' },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'wrong enum',
        url: '/programmes',
        body: { code: 'P2', kind: 'galactic', name: { ar: 'برنامج' } },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'missing Arabic title',
        url: '/programmes',
        body: { code: 'P3', kind: 'ogp_national', name: { en: 'Programme' } },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'body over the size limit',
        url: '/auth/register',
        raw: JSON.stringify({
          email: 'big@test.ma',
          password: PASSWORD,
          displayName: 'x'.repeat(100_000),
          role: 'citizen',
        }),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'unsupported content type',
        url: '/auth/register',
        raw: '<email>a</email>',
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        headers: { 'content-type': 'application/xml' },
      },
    ];

    it.each(cases)('$name: $status $code, nothing written', async (c) => {
      const before = await snapshot();
      const res = await call('POST', c.url, {
        token: tokens.get('coordinator'),
        raw: c.raw,
        body: c.body,
        headers: c.headers,
      });
      expect(res.status).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(res.body.error.message).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:|SELECT|stack/);
      await new Promise((r) => setTimeout(r, 50));
      expect(await snapshot()).toEqual(before);
    });

    it('an unknown route is a coded 404', async () => {
      const res = await call('GET', '/no/such/route');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    });
  });

  describe('the vertical slice: HTTP → commitments → outbox → JetStream → notifications', () => {
    it('a coordinator creates a programme; its event reaches the notifications service, which notifies the staff', async () => {
      const correlationId = `corr-slice-${iso.id}`;
      const res = await call('POST', '/programmes', {
        token: tokens.get('coordinator'),
        body: {
          code: 'OGP-2018',
          kind: 'ogp_national',
          name: {
            ar: 'خطة العمل الوطنية 2018-2020',
            fr: "Plan d'action national 2018-2020",
            en: 'National action plan 2018-2020',
          },
        },
        headers: { 'x-correlation-id': correlationId },
      });
      expect(res.status).toBe(201);
      expect(res.headers['x-correlation-id']).toBe(correlationId);
      const programmeId = res.body.id;

      const listed = await call('GET', '/programmes');
      expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(programmeId);

      // The change and its history are in commitments' own schema; the event left through the outbox.
      expect(
        await count(
          `SELECT count(*) FROM "${iso.schema('commitments')}".change_history WHERE entity_id = '${programmeId}'`,
        ),
      ).toBe(1);
      await waitFor(
        async () =>
          (await count(
            `SELECT count(*) FROM "${iso.schema('commitments')}".outbox WHERE published_at IS NOT NULL AND envelope->'data'->>'programmeId' = '${programmeId}'`,
          )) === 1,
        { what: 'outbox row published' },
      );

      // Notifications recorded it once per staff member (coordinator and admin), in their language.
      const inbox = await waitFor(
        async () => {
          const r = await call('GET', '/me/notifications', { token: tokens.get('coordinator') });
          return r.body.items.find((n: { type: string }) => n.type === 'commitments.programme.created') ?? null;
        },
        { what: 'the in-app notification', timeoutMs: 20000 },
      );
      expect(inbox.title).toBe('برنامج جديد: خطة العمل الوطنية 2018-2020');
      expect(
        await count(
          `SELECT count(*) FROM "${iso.schema('notifications')}".notifications WHERE type = 'commitments.programme.created'`,
        ),
      ).toBe(2);
      const unread = await call('GET', '/me/notifications/unread-count', { token: tokens.get('coordinator') });
      expect(unread.body.unread).toBeGreaterThanOrEqual(1);
      const read = await call('POST', '/me/notifications/read', {
        token: tokens.get('coordinator'),
        body: { ids: [inbox.id] },
      });
      expect(read.body.updated).toBe(1);
      // A citizen sees none of the staff's notifications.
      const citizen = await call('GET', '/me/notifications', { token: tokens.get('citizen') });
      expect(citizen.body.items.find((n: { eventId: string }) => n.eventId === inbox.eventId)).toBeUndefined();

      // The correlation id crossed NATS into the commitments log, and JetStream into the notifications log.
      expect(commitments.output).toContain(correlationId);
      await waitFor(() => notifications.output.includes(correlationId), {
        what: 'correlation id in the notifications log',
      });
    });

    it('a repeated command with the same idempotency key creates one programme', async () => {
      const body = { code: 'SNAC', kind: 'national_strategy', name: { ar: 'الاستراتيجية الوطنية لمكافحة الفساد' } };
      const a = await call('POST', '/programmes', {
        token: tokens.get('admin'),
        body,
        headers: { 'idempotency-key': 'k-snac-1' },
      });
      const b = await call('POST', '/programmes', {
        token: tokens.get('admin'),
        body,
        headers: { 'idempotency-key': 'k-snac-1' },
      });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.body.id).toBe(a.body.id);
      expect(await count(`SELECT count(*) FROM "${iso.schema('commitments')}".programmes WHERE code = 'SNAC'`)).toBe(1);
      const again = await call('POST', '/programmes', { token: tokens.get('admin'), body });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_EXISTS');
    });

    it('the owning service refuses a command from a NATS client that skips the gateway', async () => {
      const { connect } = await import('nats');
      const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
      try {
        const reply = await nc.request(
          `${iso.prefix}.commitments.programmes.create`,
          new TextEncoder().encode(
            JSON.stringify({
              pattern: 'commitments.programmes.create',
              id: 'x1',
              data: { code: 'ROGUE', kind: 'ogp_local', name: { ar: 'x' } },
            }),
          ),
          { timeout: 5000 },
        );
        expect(JSON.parse(new TextDecoder().decode(reply.data)).err.code).toBe('UNAUTHENTICATED');
        const garbage = await nc.request(
          `${iso.prefix}.commitments.programmes.create`,
          new TextEncoder().encode('not json'),
          { timeout: 5000 },
        );
        expect(JSON.parse(new TextDecoder().decode(garbage.data)).err.code).toBe('VALIDATION_FAILED');
      } finally {
        await nc.close();
      }
      expect(await count(`SELECT count(*) FROM "${iso.schema('commitments')}".programmes WHERE code = 'ROGUE'`)).toBe(
        0,
      );
    });
  });

  describe('operations', () => {
    it('serves OpenAPI at /docs', async () => {
      const page = await call('GET', '/docs');
      expect(page.status).toBe(200);
      const spec = await call('GET', '/docs/openapi.json');
      expect(spec.status).toBe(200);
      expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/programmes', '/accounts']));
    });

    it('serves exactly the committed services/gateway/openapi.json (npm run openapi regenerates it)', async () => {
      const spec = await call('GET', '/docs/openapi.json');
      expect(spec.body).toEqual(JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')));
    });

    it('answers liveness and readiness (Postgres, NATS, Redis)', async () => {
      expect((await call('GET', '/health/live')).status).toBe(200);
      const ready = await call('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toEqual({ postgres: 'up', nats: 'up', redis: 'up' });
    });

    it('shows an admin which services answer', async () => {
      const res = await call('GET', '/admin/services', { token: tokens.get('admin') });
      expect(res.body.commitments.status).toBe('up');
      expect(res.body.notifications.status).toBe('up');
      expect(res.body.participation.status).toBe('down');
    });
  });

  describe('rate limits on the auth routes', () => {
    it('refuses the login past the limit with 429, before checking any password', async () => {
      const limited = await gateway({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await limited.inject({
            method: 'POST',
            url: '/auth/login',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify({ email: 'citizen@test.ma', password: PASSWORD }),
          });
          statuses.push(res.statusCode);
          if (res.statusCode === 429) expect(JSON.parse(res.body).error.code).toBe('RATE_LIMITED');
        }
        expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
        expect(statuses.slice(-2)).toEqual([429, 429]);
      } finally {
        await limited.close();
      }
    });
  });
});
