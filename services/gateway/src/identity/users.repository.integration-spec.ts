import { Role } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { GatewayDatabase } from '../testing/gateway-database.fixture';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** The accounts table's queries with logic, against the real Postgres. */
describe('UsersRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let gateway: GatewayDatabase;
  let db: DataSource;
  let users: UsersRepository;

  const add = (email: string, roles: Role[]) => gateway.account({ email, displayName: email.split('@')[0], roles });

  beforeAll(async () => {
    gateway = await GatewayDatabase.start(iso);
    db = gateway.db;
    users = gateway.get(UsersRepository);
  });

  afterAll(() => gateway?.stop(iso));

  it('finds an account by its address whatever the case it was stored in, and refuses a second one of another case', async () => {
    const stored = await add('Mixed.Case@Test.ma', ['citizen']);
    expect((await users.findByEmail('mixed.case@test.ma'))?.id).toBe(stored.id);
    expect(await db.transaction((m) => users.emailTaken(m, 'mixed.case@test.ma'))).toBe(true);
    expect(await db.transaction((m) => users.emailTaken(m, 'nobody@test.ma'))).toBe(false);
    const second = add('MIXED.case@test.ma', ['citizen']);
    await expect(second).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toMatchObject({ code: ErrorCode.ALREADY_EXISTS });
  });

  it('locks an account on the failure that reaches the limit, and a reset lifts it', async () => {
    const user = await add('locked@test.ma', ['citizen']);
    for (let i = 0; i < 2; i++) await users.recordFailedLogin(user.id, 3, 15);
    let row = await users.findById(user.id);
    expect(row).toMatchObject({ failedLogins: 2, lockedUntil: null });
    await users.recordFailedLogin(user.id, 3, 15);
    row = await users.findById(user.id);
    expect(row?.failedLogins).toBe(3);
    const minutes = ((row?.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);

    await db.transaction((m) => users.setPasswordHash(m, user.id, 'other', { liftLockout: false }));
    expect(await users.findById(user.id)).toMatchObject({ passwordHash: 'other', failedLogins: 3 });
    await db.transaction((m) => users.setPasswordHash(m, user.id, 'new', { liftLockout: true }));
    expect(await users.findById(user.id)).toMatchObject({ passwordHash: 'new', failedLogins: 0, lockedUntil: null });

    await users.recordFailedLogin(user.id, 3, 15);
    await users.clearFailedLogins(user.id);
    expect(await users.findById(user.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('pages accounts oldest first, by role, and only those whose every role is allowed when asked', async () => {
    const pm = await add('pm@test.ma', ['project_manager']);
    const both = await add('both@test.ma', ['project_manager', 'admin']);
    const none = await add('none@test.ma', []);
    const staff: Role[] = ['project_manager', 'committee_member', 'coordinator'];
    const [all, total] = await db.transaction((m) => users.page(m, { onlyRoles: null, limit: 100, offset: 0 }));
    expect(total).toBe(all.length);
    expect(all.map((u) => u.createdAt.getTime())).toEqual(
      [...all.map((u) => u.createdAt.getTime())].sort((a, b) => a - b),
    );
    expect(all.map((u) => u.id)).toEqual(expect.arrayContaining([pm.id, both.id, none.id]));

    const [managers] = await db.transaction((m) =>
      users.page(m, { role: 'project_manager', onlyRoles: null, limit: 100, offset: 0 }),
    );
    expect(managers.map((u) => u.id).sort()).toEqual([pm.id, both.id].sort());

    const [visible, visibleTotal] = await db.transaction((m) =>
      users.page(m, { onlyRoles: staff, limit: 100, offset: 0 }),
    );
    expect(visible.map((u) => u.id)).toEqual([pm.id]);
    expect(visibleTotal).toBe(1);

    const [second] = await db.transaction((m) => users.page(m, { onlyRoles: null, limit: 1, offset: 1 }));
    expect(second.map((u) => u.id)).toEqual([all[1].id]);
  });

  it('lockById holds the row until the transaction ends', async () => {
    const user = await add('held@test.ma', ['citizen']);
    let released = false;
    let locked: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction(async (m) => {
      await users.lockById(m, user.id);
      locked();
      await new Promise((r) => setTimeout(r, 300));
      released = true;
    });
    await holding;
    await db.transaction(async (m) => {
      const row = await users.lockById(m, user.id);
      expect(row).toBeInstanceOf(UserEntity);
      expect(released).toBe(true);
    });
    await holder;
  });
});
