import { createHash } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import {
  freePort,
  Mailbox,
  ReceivedMail,
  SpawnedService,
  TEST_DATABASE_URL,
  TestIsolation,
  waitFor,
  expectToMatchContract,
} from '@ogp/testing';
import { Client } from 'pg';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { injectRequest } from '../testing/gateway-client.fixture';

const PORTAL = 'https://portal.test.ma';
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'staple lantern orchard';

/**
 * Registration that reveals nothing, password reset by e-mail, password change and the profile,
 * through the real gateway, with the e-mails read from a real SMTP server fed by the real
 * notifications service.
 */
describe('accounts by e-mail: registration, password reset and change (real servers, real SMTP)', () => {
  const iso = new TestIsolation();
  const clock = new FixedClock(new Date());
  let app: NestFastifyApplication;
  let notifications: SpawnedService;
  let mailbox: Mailbox;
  let pg: Client;
  const schema = () => `"${iso.schema('gateway')}"`;

  async function gateway(extra: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const config = loadConfig(
      GatewayConfig,
      iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000', PORTAL_URL: PORTAL, ...extra }),
    );
    const { app: created } = await createGatewayApp(config, createLogger('gateway', 'warn'), clock);
    await created.getHttpAdapter().getInstance().ready();
    return created;
  }

  async function call(
    method: string,
    url: string,
    options: { token?: string; body?: unknown; lang?: string; on?: NestFastifyApplication } = {},
  ) {
    const res = await injectRequest(options.on ?? app, method, url, {
      token: options.token,
      body: options.body,
      headers: { 'accept-language': options.lang ?? 'en' },
    });
    const answer = { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, headers: res.headers };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(method, url, answer.status, answer.body);
    return answer;
  }

  const login = (email: string, password: string) => call('POST', '/auth/login', { body: { email, password } });
  const count = async (sql: string, params: unknown[] = []) => Number((await pg.query(sql, params)).rows[0].count);

  async function mailFor(address: string, subject: string, after = 0): Promise<ReceivedMail> {
    return waitFor(
      () =>
        mailbox
          .to(address)
          .slice(after)
          .find((m) => m.subject === subject) ?? null,
      { what: `"${subject}" to ${address}`, timeoutMs: 30000 },
    );
  }

  function tokenOf(mail: ReceivedMail): string {
    const match = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no reset link in: ${mail.text}`);
    return match[1];
  }

  async function register(email: string, displayName: string, language = 'fr', password = PASSWORD) {
    return call('POST', '/auth/register', { body: { email, password, displayName, role: 'citizen', language } });
  }

  beforeAll(async () => {
    mailbox = new Mailbox(await freePort());
    await mailbox.start();
    notifications = new SpawnedService(
      'notifications',
      iso.env('notifications', { HTTP_PORT: String(await freePort()), SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` }),
    ).start();
    app = await gateway();
    await notifications.ready();
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
  });

  afterAll(async () => {
    await app?.close();
    await notifications?.stop();
    await mailbox?.stop();
    await pg?.end();
    await iso.cleanup();
  });

  describe('registration reveals nothing about existing addresses', () => {
    it('a new address: 202 "check your e-mail", a welcome e-mail, and the account logs in at once', async () => {
      const res = await register('salma@test.ma', 'Salma Tazi');
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        status: 'check_email',
        message: 'Thank you. An e-mail was sent to this address: check your inbox to continue.',
      });
      expect(res.headers['cache-control']).toBe('no-store');
      expect((await login('salma@test.ma', PASSWORD)).status).toBe(200);
      const welcome = await mailFor('salma@test.ma', 'Bienvenue sur la plateforme du gouvernement ouvert');
      expect(welcome.text).toContain('Bonjour Salma Tazi');
    });

    it('a taken address: the same status and body, no account, and its owner is told someone tried', async () => {
      const first = await register('salma@test.ma', 'Salma Tazi');
      const again = await register('Salma@Test.ma', 'Someone Else', 'en', 'a different passphrase here');
      expect(again.status).toBe(first.status);
      expect(again.body).toEqual(first.body);
      expect(Object.keys(again.headers).sort()).toEqual(Object.keys(first.headers).sort());
      expect(await count(`SELECT count(*) FROM ${schema()}.users WHERE lower(email) = 'salma@test.ma'`)).toBe(1);
      // The owner's e-mail comes in the owner's language, not the caller's.
      const notice = await mailFor('salma@test.ma', "Tentative d'inscription avec votre adresse e-mail");
      expect(notice.text).toContain("Quelqu'un a essayé de créer un compte avec votre adresse e-mail");
      expect((await login('salma@test.ma', PASSWORD)).status).toBe(200);
      expect((await login('salma@test.ma', 'a different passphrase here')).status).toBe(401);
    });
  });

  describe('no inbox flooding', () => {
    it('registering a taken address again and again tells its owner at most 5 times an hour, and answers the same each time', async () => {
      await register('hajar@test.ma', 'Hajar Ziani');
      const answers = [];
      for (let i = 0; i < 7; i++)
        answers.push(await register('hajar@test.ma', `Intruder ${i}`, 'en', `another passphrase ${i}`));
      expect(new Set(answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).size).toBe(1);
      const notices = () =>
        mailbox.to('hajar@test.ma').filter((m) => m.subject === "Tentative d'inscription avec votre adresse e-mail")
          .length;
      // Five registrations of the address count per hour, the first (which opened the account) included: four notices.
      await waitFor(() => notices() === 4, { what: 'four notices', timeoutMs: 30000 });
      await new Promise((r) => setTimeout(r, 1500));
      expect(notices()).toBe(4);
    });

    it('at most 5 reset e-mails per address an hour, the answer unchanged', async () => {
      await register('reda@test.ma', 'Reda Kettani');
      for (let i = 0; i < 7; i++)
        expect((await call('POST', '/auth/password-reset', { body: { email: 'reda@test.ma' } })).status).toBe(202);
      const resets = () =>
        mailbox.to('reda@test.ma').filter((m) => m.subject === 'Réinitialisation du mot de passe').length;
      await waitFor(() => resets() === 5, { what: 'five reset e-mails', timeoutMs: 30000 });
      await new Promise((r) => setTimeout(r, 1500));
      expect(resets()).toBe(5);
    });
  });

  describe('password reset by e-mail', () => {
    it('answers 202 the same way for an unknown address, and sends nothing', async () => {
      await register('youssef@test.ma', 'Youssef Alami');
      const known = await call('POST', '/auth/password-reset', { body: { email: 'youssef@test.ma' } });
      const unknown = await call('POST', '/auth/password-reset', { body: { email: 'nobody-here@test.ma' } });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      expect(known.body.message).toBe(
        'If this address belongs to an account, an e-mail with a reset link valid for 30 minutes is on its way.',
      );
      await mailFor('youssef@test.ma', 'Réinitialisation du mot de passe');
      await new Promise((r) => setTimeout(r, 500));
      expect(mailbox.to('nobody-here@test.ma')).toEqual([]);
    });

    it('the e-mailed link resets the password once, ends every session, and the token is stored as SHA-256 only', async () => {
      await register('amina@test.ma', 'Amina Berrada');
      const session = (await login('amina@test.ma', PASSWORD)).body;
      const sent = mailbox.to('amina@test.ma').length;
      expect((await call('POST', '/auth/password-reset', { body: { email: 'AMINA@test.ma' } })).status).toBe(202);
      const mail = await mailFor('amina@test.ma', 'Réinitialisation du mot de passe', sent);
      expect(mail.text).toContain(`${PORTAL}/fr/reset-password?token=`);
      const token = tokenOf(mail);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const { rows } = await pg.query(
        `SELECT t.token_hash FROM ${schema()}.password_reset_tokens t JOIN ${schema()}.users u ON u.id = t.user_id WHERE u.email = 'amina@test.ma'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(token);

      // The policy applies, and a refused password leaves the token usable.
      const weak = await call('POST', '/auth/password-reset/confirm', {
        body: { token, password: 'Amina-Berrada-2026' },
      });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe('PASSWORD_CONTAINS_PERSONAL_DATA');

      const done = await call('POST', '/auth/password-reset/confirm', { body: { token, password: NEW_PASSWORD } });
      expect(done.status).toBe(204);
      expect(done.headers['cache-control']).toBe('no-store');
      expect((await login('amina@test.ma', PASSWORD)).status).toBe(401);
      expect((await login('amina@test.ma', NEW_PASSWORD)).status).toBe(200);
      expect((await call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
      expect((await call('GET', '/me', { token: session.accessToken })).status).toBe(401);

      const reused = await call('POST', '/auth/password-reset/confirm', {
        body: { token, password: 'yet another passphrase' },
      });
      expect(reused.status).toBe(400);
      expect(reused.body.error.code).toBe('RESET_TOKEN_INVALID');
      expect(reused.body.error.message).toBe(
        'This password reset link is invalid, expired or already used. Ask for a new one.',
      );
      expect((await login('amina@test.ma', NEW_PASSWORD)).status).toBe(200);
      await mailFor('amina@test.ma', 'Votre mot de passe a été modifié', sent);
    });

    it('a new request invalidates the previous link', async () => {
      await register('karim@test.ma', 'Karim Naciri', 'ar');
      await call('POST', '/auth/password-reset', { body: { email: 'karim@test.ma' } });
      const first = tokenOf(await mailFor('karim@test.ma', 'إعادة تعيين كلمة المرور'));
      const before = mailbox.to('karim@test.ma').length;
      await call('POST', '/auth/password-reset', { body: { email: 'karim@test.ma' } });
      const second = tokenOf(await mailFor('karim@test.ma', 'إعادة تعيين كلمة المرور', before));
      expect(second).not.toBe(first);
      expect(
        (await call('POST', '/auth/password-reset/confirm', { body: { token: first, password: NEW_PASSWORD } })).body
          .error.code,
      ).toBe('RESET_TOKEN_INVALID');
      expect(
        (await call('POST', '/auth/password-reset/confirm', { body: { token: second, password: NEW_PASSWORD } }))
          .status,
      ).toBe(204);
    });

    it('a link expires after 30 minutes', async () => {
      await register('nadia@test.ma', 'Nadia Fassi');
      await call('POST', '/auth/password-reset', { body: { email: 'nadia@test.ma' } });
      const token = tokenOf(await mailFor('nadia@test.ma', 'Réinitialisation du mot de passe'));
      const requestedAt = clock.now();
      clock.set(new Date(requestedAt.getTime() + 30 * 60_000 + 1000));
      try {
        const late = await call('POST', '/auth/password-reset/confirm', {
          body: { token, password: NEW_PASSWORD },
          lang: 'fr',
        });
        expect(late.status).toBe(400);
        expect(late.body.error.code).toBe('RESET_TOKEN_INVALID');
        expect(late.body.error.message).toBe(
          'Ce lien de réinitialisation est invalide, expiré ou déjà utilisé. Demandez-en un nouveau.',
        );
        expect((await login('nadia@test.ma', PASSWORD)).status).toBe(200);
      } finally {
        clock.set(requestedAt);
      }
      // One second before the end it still works.
      clock.set(new Date(requestedAt.getTime() + 30 * 60_000 - 1000));
      try {
        expect(
          (await call('POST', '/auth/password-reset/confirm', { body: { token, password: NEW_PASSWORD } })).status,
        ).toBe(204);
      } finally {
        clock.set(requestedAt);
      }
    });
  });

  describe('my account', () => {
    it('GET and PATCH /me: display name and language, which the next e-mails follow', async () => {
      await register('omar@test.ma', 'Omar B', 'ar');
      const loggedIn = await login('omar@test.ma', PASSWORD);
      expect(loggedIn.status).toBe(200);
      const { accessToken } = loggedIn.body;
      const me = await call('GET', '/me', { token: accessToken });
      expect({ status: me.status, body: me.body }).toMatchObject({ status: 200 });
      expect(me.headers['cache-control']).toBe('no-store');
      expect(me.body).toMatchObject({
        email: 'omar@test.ma',
        displayName: 'Omar B',
        language: 'ar',
        roles: ['citizen'],
      });
      const bad = await call('PATCH', '/me', { token: accessToken, body: { language: 'de' } });
      expect(bad.status).toBe(400);
      const changed = await call('PATCH', '/me', {
        token: accessToken,
        body: { language: 'en', displayName: 'Omar Bennani' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ displayName: 'Omar Bennani', language: 'en' });
      expect((await call('GET', '/me', { token: accessToken })).body).toMatchObject({
        displayName: 'Omar Bennani',
        language: 'en',
      });
      const sent = mailbox.to('omar@test.ma').length;
      await call('POST', '/auth/password-reset', { body: { email: 'omar@test.ma' } });
      const mail = await mailFor('omar@test.ma', 'Reset your password', sent);
      expect(mail.text).toContain('Hello Omar Bennani');
      expect(mail.text).toContain(`${PORTAL}/en/reset-password?token=`);
    });

    it('POST /me/password needs the current password, applies the policy, and ends the other sessions only', async () => {
      await register('leila@test.ma', 'Leila Amrani');
      const here = (await login('leila@test.ma', PASSWORD)).body;
      const elsewhere = (await login('leila@test.ma', PASSWORD)).body;
      const wrong = await call('POST', '/me/password', {
        token: here.accessToken,
        body: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.code).toBe('CURRENT_PASSWORD_INVALID');
      const weak = await call('POST', '/me/password', {
        token: here.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'aaaaaaaaaaaa' },
      });
      expect(weak.body.error.code).toBe('PASSWORD_TOO_COMMON');
      expect((await login('leila@test.ma', PASSWORD)).status).toBe(200);

      const sent = mailbox.to('leila@test.ma').length;
      expect(
        (
          await call('POST', '/me/password', {
            token: here.accessToken,
            body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
          })
        ).status,
      ).toBe(204);
      expect((await call('GET', '/me', { token: here.accessToken })).status).toBe(200);
      expect((await call('POST', '/auth/refresh', { body: { refreshToken: here.refreshToken } })).status).toBe(200);
      expect((await call('POST', '/auth/refresh', { body: { refreshToken: elsewhere.refreshToken } })).status).toBe(
        401,
      );
      expect((await call('GET', '/me', { token: elsewhere.accessToken })).status).toBe(401);
      expect((await login('leila@test.ma', PASSWORD)).status).toBe(401);
      expect((await login('leila@test.ma', NEW_PASSWORD)).status).toBe(200);
      await mailFor('leila@test.ma', 'Votre mot de passe a été modifié', sent);
      const audit = await count(
        `SELECT count(*) FROM ${schema()}.audit_trail a JOIN ${schema()}.users u ON u.id = a.user_id WHERE u.email = 'leila@test.ma' AND a.action = 'password_changed'`,
      );
      expect(audit).toBe(1);
    });
  });

  // Last: a second gateway in the process takes over passport's named strategies until it closes.
  describe('rate limits', () => {
    it('both reset routes are rate-limited like login', async () => {
      const limited = await gateway({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
      try {
        for (const [url, body] of [
          ['/auth/password-reset', { email: 'x@test.ma' }],
          ['/auth/password-reset/confirm', { token: 'A'.repeat(43), password: NEW_PASSWORD }],
        ] as const) {
          const statuses: number[] = [];
          for (let i = 0; i < 4; i++) statuses.push((await call('POST', url, { body, on: limited })).status);
          expect(statuses.slice(-2)).toEqual([429, 429]);
        }
      } finally {
        await limited.close();
      }
    });
  });
});
