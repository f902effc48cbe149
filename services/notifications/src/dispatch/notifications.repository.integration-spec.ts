import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { notificationsSchema } from '../../test/notifications-schema';
import { NotificationsRepository } from './notifications.repository';

describe('NotificationsRepository (real Postgres)', () => {
  const repo = new NotificationsRepository();
  let db: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => ({ db, drop } = await notificationsSchema()));
  afterAll(() => drop());

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
    await repo.addInApp(db.manager, notification(eventId, person));
    await repo.addInApp(db.manager, notification(eventId, person));
    expect(await repo.addEmail(db.manager, notification(eventId, person))).toBe(true);
    expect(await repo.addEmail(db.manager, notification(eventId, person))).toBe(false);
    const rows = await db.query<{ channel: string; n: number }[]>(
      `SELECT channel, count(*)::int AS n FROM notifications WHERE event_id = $1 GROUP BY channel ORDER BY channel`,
      [eventId],
    );
    expect(rows).toEqual([
      { channel: 'email', n: 1 },
      { channel: 'in_app', n: 1 },
    ]);
  });

  it('queues an e-mail with its batch (or none) and its transactional flag', async () => {
    const notificationId = randomUUID();
    const sweep = randomUUID();
    await repo.queueEmail(db.manager, {
      id: randomUUID(),
      notificationId,
      recipientId: randomUUID(),
      toAddress: 'a@example.org',
      subject: 'S',
      body: 'B',
      status: 'batched',
      batch: { key: sweep, kind: 'overdue', line: 'L' },
      language: 'fr',
    });
    const [row] = await db.query<Record<string, unknown>[]>(
      `SELECT status, batch_key, batch_kind, batch_line, language, transactional FROM email_queue WHERE notification_id = $1`,
      [notificationId],
    );
    expect(row).toEqual({
      status: 'batched',
      batch_key: sweep,
      batch_kind: 'overdue',
      batch_line: 'L',
      language: 'fr',
      transactional: false,
    });
  });
});
