import { randomUUID } from 'node:crypto';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { FollowsRepository } from './follows.repository';

describe('FollowsRepository (real Postgres)', () => {
  const schema = useNotificationsSchema();
  const title = { ar: 'دورة', fr: 'Cycle', en: 'Cycle' };

  const repo = (): FollowsRepository => new FollowsRepository(schema.db);

  async function person(): Promise<string> {
    const userId = randomUUID();
    await schema.db.query(
      `INSERT INTO recipients (user_id, email, display_name, roles, scopes, language, active) VALUES ($1, $2, 'P', '{citizen}', '{}', 'en', true)`,
      [userId, `${userId}@example.org`],
    );
    return userId;
  }

  it('following again keeps the first date and takes the new title', async () => {
    const userId = await person();
    const target = randomUUID();
    const first = await repo().put(schema.db.manager, userId, 'commitment', target, title);
    const again = await repo().put(schema.db.manager, userId, 'commitment', target, { ...title, en: 'Renamed' });
    expect(again.followedAt).toBe(first.followedAt);
    expect(again.title.en).toBe('Renamed');
    expect(await repo().title(schema.db.manager, 'commitment', target)).toEqual({ ...title, en: 'Renamed' });
  });

  it('the followers of an item, or only those who followed before an instant', async () => {
    const [early, late] = [await person(), await person()];
    const cycle = randomUUID();
    await repo().put(schema.db.manager, early, 'cycle', cycle, title);
    await schema.db.query(`UPDATE follows SET followed_at = now() - interval '1 day' WHERE user_id = $1`, [early]);
    await repo().put(schema.db.manager, late, 'cycle', cycle, title);
    const all = await repo().followers(schema.db.manager, 'cycle', cycle);
    expect(all.map((r) => r.userId).sort()).toEqual([early, late].sort());
    const before = await repo().followers(schema.db.manager, 'cycle', cycle, new Date(Date.now() - 3600_000));
    expect(before.map((r) => r.userId)).toEqual([early]);
  });

  it('an opened phase of a followed cycle is claimed once; a future one, or one of a cycle nobody followed before, is not', async () => {
    const follower = await person();
    const [followed, unfollowed] = [randomUUID(), randomUUID()];
    const now = new Date();
    const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
    await repo().put(schema.db.manager, follower, 'cycle', followed, title);
    await schema.db.query(`UPDATE follows SET followed_at = now() - interval '2 days' WHERE target_id = $1`, [
      followed,
    ]);
    await repo().savePhases(followed, [
      { kind: 'ideas', opensAt: at(-1), closesAt: at(48), open: true },
      { kind: 'vote', opensAt: at(24), closesAt: at(72), open: false },
    ]);
    await repo().savePhases(unfollowed, [{ kind: 'ideas', opensAt: at(-1), closesAt: at(48), open: true }]);
    const opened = await repo().claimOpenedPhases(schema.db.manager, now);
    expect(opened).toEqual([
      { cycleId: followed, kind: 'ideas', opensAt: new Date(at(-1)), closesAt: new Date(at(48)), title },
    ]);
    expect(await repo().claimOpenedPhases(schema.db.manager, now)).toEqual([]);
  });
});
