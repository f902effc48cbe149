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
 * Who sees whose personal data, through the real gateway: a coordinator manages staff accounts
 * and never sees a citizen's or a CSO's; the admin does, and every such read is in the audit
 * trail the admin reads, with the account changes.
 */
describe('accounts and personal data (real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const call = (method: string, url: string, token?: string, body?: unknown) =>
    contractCall(app, method, url, token, body);

  async function audit(query: string) {
    const res = await call('GET', `/admin/audit-trail?${query}`, tokens.admin);
    expect(res.status).toBe(200);
    return res.body as {
      items: {
        actorId: string;
        action: string;
        userId: string | null;
        before: any;
        after: any;
        details: any;
        at: string;
      }[];
      total: number;
      limit: number;
      offset: number;
    };
  }

  beforeAll(async () => {
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = await createGatewayApp(config, createLogger('gateway', 'warn')));
    await app.getHttpAdapter().getInstance().ready();
    const users = app.get(UsersService);
    const people: [string, Role][] = [
      ['admin', 'admin'],
      ['coordinator', 'coordinator'],
      ['coordinator2', 'coordinator'],
      ['pm', 'project_manager'],
      ['committee', 'committee_member'],
      ['citizen', 'citizen'],
      ['cso', 'cso'],
    ];
    for (const [name, role] of people) {
      ids[name] = (
        await users.createByStaff(SYSTEM_ADMIN, {
          email: `${name}@test.ma`,
          password: PASSWORD,
          displayName: `${name} person`,
          roles: [role],
        })
      ).id;
    }
    for (const name of ['admin', 'coordinator'])
      tokens[name] = (
        await call('POST', '/auth/login', undefined, { email: `${name}@test.ma`, password: PASSWORD })
      ).body.accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await iso.cleanup();
  });

  describe('the coordinator manages staff accounts only', () => {
    it('lists project managers, committee members and coordinators, and no citizen, CSO or admin', async () => {
      const res = await call('GET', '/accounts?limit=100', tokens.coordinator);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const emails = res.body.items.map((a: { email: string }) => a.email).sort();
      expect(emails).toEqual(['committee@test.ma', 'coordinator2@test.ma', 'coordinator@test.ma', 'pm@test.ma']);
      expect(res.body.total).toBe(4);
    });

    it.each(['citizen', 'cso', 'admin'])('asking for role=%s is refused', async (role) => {
      const res = await call('GET', `/accounts?role=${role}`, tokens.coordinator);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.body)).not.toContain('@test.ma');
    });

    it("cannot read, change or deactivate a citizen's or a CSO's account", async () => {
      for (const name of ['citizen', 'cso', 'admin']) {
        for (const [method, url, body] of [
          ['GET', `/accounts/${ids[name]}`, undefined],
          ['PATCH', `/accounts/${ids[name]}`, { displayName: 'x' }],
          ['POST', `/accounts/${ids[name]}/deactivate`, undefined],
        ] as const) {
          const res = await call(method, url, tokens.coordinator, body);
          expect({ name, method, url, status: res.status }).toEqual({ name, method, url, status: 404 });
          expect(JSON.stringify(res.body)).not.toContain(`${name}@test.ma`);
        }
      }
    });

    it('reads a staff account, and changes its scopes; the change is in the audit trail with before and after', async () => {
      const read = await call('GET', `/accounts/${ids.pm}`, tokens.coordinator);
      expect(read.status).toBe(200);
      expect(read.body.email).toBe('pm@test.ma');
      const changed = await call('PATCH', `/accounts/${ids.pm}`, tokens.coordinator, {
        roles: ['project_manager', 'committee_member'],
        scopes: { institutions: ['inst-a'], programmes: ['prog-1'] },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.roles).toEqual(['project_manager', 'committee_member']);
      const trail = await audit(`action=updated&userId=${ids.pm}`);
      expect(trail.total).toBe(1);
      expect(trail.items[0].actorId).toBe(ids.coordinator);
      expect(trail.items[0].before.roles).toEqual(['project_manager']);
      expect(trail.items[0].after.roles).toEqual(['project_manager', 'committee_member']);
      expect(trail.items[0].after.scopes).toEqual({ institutions: ['inst-a'], programmes: ['prog-1'] });
    });

    it("a change of roles ends the account's sessions at once: its tokens carried the old roles", async () => {
      const created = await call('POST', '/accounts', tokens.coordinator, {
        email: 'member2@test.ma',
        password: PASSWORD,
        displayName: 'member two',
        roles: ['committee_member'],
      });
      expect(created.status).toBe(201);
      const session = (await call('POST', '/auth/login', undefined, { email: 'member2@test.ma', password: PASSWORD }))
        .body;
      expect((await call('GET', '/me', session.accessToken)).status).toBe(200);
      expect(
        (await call('PATCH', `/accounts/${created.body.id}`, tokens.coordinator, { roles: ['project_manager'] }))
          .status,
      ).toBe(200);
      expect((await call('GET', '/me', session.accessToken)).status).toBe(401);
      expect((await call('POST', '/auth/refresh', undefined, { refreshToken: session.refreshToken })).status).toBe(401);
      const again = (await call('POST', '/auth/login', undefined, { email: 'member2@test.ma', password: PASSWORD }))
        .body;
      expect((await call('GET', '/me', again.accessToken)).body.roles).toEqual(['project_manager']);
    });

    it('may not grant the admin role, nor change another coordinator', async () => {
      expect((await call('PATCH', `/accounts/${ids.committee}`, tokens.coordinator, { roles: ['admin'] })).status).toBe(
        403,
      );
      expect(
        (await call('PATCH', `/accounts/${ids.coordinator2}`, tokens.coordinator, { displayName: 'renamed' })).status,
      ).toBe(403);
    });
  });

  describe("the admin reads citizens' data, and every read is recorded", () => {
    it('a list showing citizens and CSOs is recorded with its query and the accounts shown', async () => {
      const before = (await audit('action=personal_data.listed')).total;
      const res = await call('GET', '/accounts?limit=100', tokens.admin);
      expect(res.status).toBe(200);
      expect(res.body.items.map((a: { email: string }) => a.email)).toEqual(
        expect.arrayContaining(['citizen@test.ma', 'cso@test.ma']),
      );
      const trail = await audit('action=personal_data.listed&limit=1');
      expect(trail.total).toBe(before + 1);
      expect(trail.items[0].actorId).toBe(ids.admin);
      expect(trail.items[0].details.query).toEqual({ role: null, limit: 100, offset: 0 });
      expect(trail.items[0].details.accountIds.sort()).toEqual([ids.citizen, ids.cso].sort());
    });

    it('a list of staff only is no read of personal data of citizens', async () => {
      const before = (await audit('action=personal_data.listed')).total;
      expect((await call('GET', '/accounts?role=project_manager', tokens.admin)).status).toBe(200);
      expect((await audit('action=personal_data.listed')).total).toBe(before);
    });

    it("reading one citizen's account is recorded with the account read", async () => {
      const res = await call('GET', `/accounts/${ids.citizen}`, tokens.admin);
      expect(res.status).toBe(200);
      expect(res.body.email).toBe('citizen@test.ma');
      const trail = await audit(`action=personal_data.read&userId=${ids.citizen}`);
      expect(trail.total).toBe(1);
      expect(trail.items[0]).toMatchObject({
        actorId: ids.admin,
        userId: ids.citizen,
        details: { accountId: ids.citizen },
      });
      expect(Date.now() - new Date(trail.items[0].at).getTime()).toBeLessThan(60_000);
    });

    it('account creation and deactivation are in the trail too (who, when, before, after)', async () => {
      const off = await call('POST', `/accounts/${ids.cso}/deactivate`, tokens.admin);
      expect(off.status).toBe(200);
      const trail = await audit(`userId=${ids.cso}`);
      const actions = trail.items.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['created', 'deactivated']));
      const deactivated = trail.items.find((e) => e.action === 'deactivated')!;
      expect(deactivated.actorId).toBe(ids.admin);
      expect(deactivated.before.active).toBe(true);
      expect(deactivated.after.active).toBe(false);
    });

    it('the trail pages and filters by actor and time; a bad filter is a 400', async () => {
      const all = await audit('limit=2');
      expect(all.items).toHaveLength(2);
      expect(all.total).toBeGreaterThan(2);
      const next = await audit('limit=2&offset=2');
      expect(next.items[0]).not.toEqual(all.items[0]);
      const byCoordinator = await audit(`actorId=${ids.coordinator}`);
      expect(byCoordinator.items.length).toBeGreaterThan(0);
      expect(byCoordinator.items.every((e) => e.actorId === ids.coordinator)).toBe(true);
      expect((await audit(`from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`)).total).toBe(0);
      expect((await call('GET', '/admin/audit-trail?from=2026-02-30', tokens.admin)).status).toBe(400);
      expect((await call('GET', '/admin/audit-trail?action=anything', tokens.admin)).status).toBe(400);
    });

    it('only the admin reads the trail', async () => {
      const res = await call('GET', '/admin/audit-trail', tokens.coordinator);
      expect(res.status).toBe(403);
    });
  });
});
