import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { TestIsolation } from '@ogp/testing';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { UsersService } from './users.service';
import { contractCall, SYSTEM_ADMIN } from '../testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';

/**
 * POST /accounts/:id/reactivate through the real gateway and Postgres: a deactivated account logs
 * in again (its old sessions stay ended), the change is in the audit trail; a coordinator may
 * reactivate a project manager but not an admin, a citizen not at all.
 */
describe('account reactivation (real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const call = (method: string, url: string, token?: string, body?: unknown) =>
    contractCall(app, method, url, token, body);
  const login = (name: string) =>
    call('POST', '/auth/login', undefined, { email: `${name}@test.ma`, password: PASSWORD });

  beforeAll(async () => {
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = await createGatewayApp(config, createLogger('gateway', 'warn')));
    await app.getHttpAdapter().getInstance().ready();
    const users = app.get(UsersService);
    const people: [string, Role][] = [
      ['admin', 'admin'],
      ['admin2', 'admin'],
      ['coordinator', 'coordinator'],
      ['pm', 'project_manager'],
      ['citizen', 'citizen'],
    ];
    for (const [name, role] of people)
      ids[name] = (
        await users.createByStaff(SYSTEM_ADMIN, {
          email: `${name}@test.ma`,
          password: PASSWORD,
          displayName: `${name} person`,
          roles: [role],
        })
      ).id;
    for (const name of ['admin', 'coordinator', 'citizen']) tokens[name] = (await login(name)).body.accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await iso.cleanup();
  });

  it('a deactivated project manager cannot log in; reactivated, they can, their old session stays ended, and the audit trail says who did it', async () => {
    const old = (await login('pm')).body.accessToken as string;
    expect((await call('POST', `/accounts/${ids.pm}/deactivate`, tokens.coordinator)).status).toBe(200);
    expect((await login('pm')).status).toBe(401);

    const on = await call('POST', `/accounts/${ids.pm}/reactivate`, tokens.coordinator);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ id: ids.pm, active: true });
    expect((await call('GET', '/auth/me', old)).status).toBe(401);
    const again = await login('pm');
    expect(again.status).toBe(200);
    expect((await call('GET', '/auth/me', again.body.accessToken)).status).toBe(200);

    const trail = await call('GET', `/admin/audit-trail?action=reactivated&userId=${ids.pm}`, tokens.admin);
    expect(trail.body.items).toHaveLength(1);
    expect(trail.body.items[0]).toMatchObject({
      actorId: ids.coordinator,
      action: 'reactivated',
      before: { active: false },
      after: { active: true },
    });
    // Reactivating an active account changes nothing and records nothing more.
    expect((await call('POST', `/accounts/${ids.pm}/reactivate`, tokens.coordinator)).body.active).toBe(true);
    expect((await call('GET', `/admin/audit-trail?action=reactivated&userId=${ids.pm}`, tokens.admin)).body.total).toBe(
      1,
    );
  });

  it('a coordinator may not reactivate an admin; a citizen may not reactivate anyone; an unknown id is 404', async () => {
    expect((await call('POST', `/accounts/${ids.admin2}/deactivate`, tokens.admin)).status).toBe(200);
    const coordinator = await call('POST', `/accounts/${ids.admin2}/reactivate`, tokens.coordinator);
    expect(coordinator.status).toBe(404);
    expect((await call('POST', `/accounts/${ids.admin2}/reactivate`, tokens.citizen)).status).toBe(403);
    expect((await call('POST', '/accounts/00000000-0000-4000-8000-000000000999/reactivate', tokens.admin)).status).toBe(
      404,
    );
    expect((await login('admin2')).status).toBe(401);
    expect((await call('POST', `/accounts/${ids.admin2}/reactivate`, tokens.admin)).status).toBe(200);
    expect((await login('admin2')).status).toBe(200);
  });
});
