import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { TestIsolation, waitFor } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { injectRequest, SYSTEM_ADMIN } from '../testing/gateway-client.fixture';
import { SessionsRepository } from './sessions.repository';
import { UsersService } from './users.service';

const PASSWORD = 'correct horse battery';

/**
 * A replica takes a session it found open as open for SESSION_RECHECK_SECONDS (15 here, as shipped).
 * These revocations go through replica A while replica B has just found the session open: B must
 * refuse the token within a second, which only the revocation heard over NATS can make it do.
 */
describe('sessions revoked through one gateway replica end access on every replica at once (real servers)', () => {
  const iso = new TestIsolation();
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let coordinator: string;

  const status = async (app: NestFastifyApplication, token: string) =>
    (await injectRequest(app, 'GET', '/auth/me', { token })).statusCode;

  async function account(
    email: string,
    role: Role,
  ): Promise<{ id: string; accessToken: string; refreshToken: string }> {
    const { id } = await a
      .get(UsersService)
      .createByStaff(SYSTEM_ADMIN, { email, password: PASSWORD, displayName: role, roles: [role] });
    const login = await injectRequest(a, 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    return { id, ...(login.json() as { accessToken: string; refreshToken: string }) };
  }

  /** B refuses the token within a second (and keeps refusing it). */
  async function refusedOnB(token: string): Promise<void> {
    await waitFor(async () => (await status(b, token)) === 401, { timeoutMs: 1000, what: 'replica B refusing' });
    const me = await injectRequest(b, 'GET', '/auth/me', { token });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('TOKEN_INVALID');
  }

  beforeAll(async () => {
    const config = loadConfig(
      GatewayConfig,
      iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000', SESSION_RECHECK_SECONDS: '15' }),
    );
    ({ app: a } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    ({ app: b } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    for (const app of [a, b]) await app.getHttpAdapter().getInstance().ready();
    coordinator = (await account('coord@test.ma', 'coordinator')).accessToken;
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await iso.cleanup();
  });

  it('logout through A: B refuses the access token at once', async () => {
    const person = await account('citizen1@test.ma', 'citizen');
    expect(await status(b, person.accessToken)).toBe(200); // B found the session open
    expect((await injectRequest(a, 'POST', '/auth/logout', { token: person.accessToken })).statusCode).toBe(204);
    await refusedOnB(person.accessToken);
  });

  it('deactivation through A: B refuses the account’s access token at once', async () => {
    const person = await account('pm1@test.ma', 'project_manager');
    expect(await status(b, person.accessToken)).toBe(200);
    const off = await injectRequest(a, 'POST', `/accounts/${person.id}/deactivate`, { token: coordinator });
    expect(off.statusCode).toBe(200);
    await refusedOnB(person.accessToken);
  });

  it('a refresh token reused through A: B refuses that session’s access token at once', async () => {
    const person = await account('citizen2@test.ma', 'citizen');
    expect(await status(b, person.accessToken)).toBe(200);
    const body = { refreshToken: person.refreshToken };
    expect((await injectRequest(a, 'POST', '/auth/refresh', { body })).statusCode).toBe(200);
    expect((await injectRequest(a, 'POST', '/auth/refresh', { body })).statusCode).toBe(401); // reuse: theft
    await refusedOnB(person.accessToken);
  });

  it('without a revocation, B keeps the session open without asking Postgres again', async () => {
    const person = await account('citizen3@test.ma', 'citizen');
    expect(await status(b, person.accessToken)).toBe(200);
    // Revoked behind the gateways' back (no replica told): B still takes it as open, as shipped for 15 s.
    await a.get(SessionsRepository).revokeAllOf(a.get(DataSource).manager, person.id, 'test');
    expect(await status(b, person.accessToken)).toBe(200);
  });
});
