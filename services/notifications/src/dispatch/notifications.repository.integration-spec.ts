import { randomUUID } from 'node:crypto';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { NotificationsRepository } from './notifications.repository';

describe('NotificationsRepository (real Postgres)', () => {
  const repo = new NotificationsRepository();
  const schema = useNotificationsSchema();

  const notification = (eventId: string, recipientId: string) => ({
    id: randomUUID(),
    recipientId,
    eventId,
    type: 'commitments.progress.reported',
    title: 'T',
    body: 'B',
    link: '/commitments/1',
  });

  it('one in-app and one e-mail notification per (event, recipient), however often the event comes', async () => {
    const eventId = randomUUID();
    const person = randomUUID();
    await repo.addInApp(schema.db.manager, notification(eventId, person));
    await repo.addInApp(schema.db.manager, notification(eventId, person));
    expect(await repo.addEmail(schema.db.manager, notification(eventId, person))).toBe(true);
    expect(await repo.addEmail(schema.db.manager, notification(eventId, person))).toBe(false);
    const rows = await schema.db.query<{ channel: string; n: number }[]>(
      `SELECT channel, count(*)::int AS n FROM notifications WHERE event_id = $1 GROUP BY channel ORDER BY channel`,
      [eventId],
    );
    expect(rows).toEqual([
      { channel: 'email', n: 1 },
      { channel: 'in_app', n: 1 },
    ]);
  });
});
