import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { GatewayDatabase } from '../testing/gateway-database.fixture';
import { CalendarFeedsRepository } from './calendar-feeds.repository';

/** Private calendar feeds' tokens, against the real Postgres. */
describe('CalendarFeedsRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let gateway: GatewayDatabase;
  let db: DataSource;
  let feeds: CalendarFeedsRepository;

  const person = async () =>
    (
      await gateway.account({
        roles: ['project_manager'],
        scopes: { institutions: [randomUUID()], programmes: [] },
        language: 'fr',
      })
    ).id;

  beforeAll(async () => {
    gateway = await GatewayDatabase.start(iso);
    db = gateway.db;
    feeds = gateway.get(CalendarFeedsRepository);
  });

  afterAll(() => gateway?.stop(iso));

  it('one token per person: a new one replaces the old, which opens nothing any more', async () => {
    const userId = await person();
    expect(await feeds.createdAt(userId)).toBeNull();
    const first = await feeds.replace(userId, 'token-1');
    expect(first).toBeInstanceOf(Date);
    expect(await feeds.owner('token-1')).toMatchObject({ id: userId, roles: ['project_manager'], language: 'fr' });
    await feeds.replace(userId, 'token-2');
    expect(await feeds.owner('token-1')).toBeNull();
    expect((await feeds.owner('token-2'))?.scopes.institutions).toHaveLength(1);
    expect((await feeds.createdAt(userId))?.getTime()).toBeGreaterThanOrEqual(first.getTime());
  });

  it("a deactivated account's token opens nothing; removing says whether there was one", async () => {
    const userId = await person();
    await feeds.replace(userId, 'token-of-leaver');
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [userId]);
    expect(await feeds.owner('token-of-leaver')).toBeNull();
    expect(await feeds.remove(userId)).toBe(true);
    expect(await feeds.remove(userId)).toBe(false);
    expect(await feeds.createdAt(userId)).toBeNull();
  });
});
