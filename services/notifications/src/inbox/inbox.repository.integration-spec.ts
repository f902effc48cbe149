import { randomUUID } from 'node:crypto';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { InboxRepository } from './inbox.repository';

describe('InboxRepository (real Postgres)', () => {
  const schema = useNotificationsSchema();

  const repo = (): InboxRepository => new InboxRepository(schema.db);

  async function notification(recipientId: string, channel: 'in_app' | 'email', minutesAgo: number): Promise<string> {
    const id = randomUUID();
    await schema.db.query(
      `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body, created_at)
       VALUES ($1, $2, gen_random_uuid(), 't', $3, 'T', 'B', now() - make_interval(mins => $4))`,
      [id, recipientId, channel, minutesAgo],
    );
    return id;
  }

  it("a person's in-app notifications only, newest first, counted; marking read touches only their own unread ones", async () => {
    const [me, other] = [randomUUID(), randomUUID()];
    const older = await notification(me, 'in_app', 10);
    const newer = await notification(me, 'in_app', 1);
    await notification(me, 'email', 0);
    const theirs = await notification(other, 'in_app', 0);
    const page = await repo().page(me, 1, 0);
    expect(page.total).toBe(2);
    expect(page.items.map((n) => n.id)).toEqual([newer]);
    expect((await repo().page(me, 10, 1)).items.map((n) => n.id)).toEqual([older]);
    expect(await repo().unread(me)).toBe(2);
    expect(await repo().markRead(me, [older, theirs])).toBe(1);
    expect(await repo().markRead(me, [older])).toBe(0);
    expect(await repo().unread(me)).toBe(1);
    expect(await repo().unread(other)).toBe(1);
  });
});
