import { randomUUID } from 'node:crypto';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { EmailQueueRepository } from './email-queue.repository';

describe('EmailQueueRepository (real Postgres)', () => {
  const schema = useNotificationsSchema();

  const repo = (): EmailQueueRepository => new EmailQueueRepository(schema.db);

  async function queued(subject: string, secondsAgo: number): Promise<string> {
    const id = randomUUID();
    await schema.db.query(
      `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, next_attempt_at)
       VALUES ($1, gen_random_uuid(), gen_random_uuid(), 'p@example.org', $2, 'B', 'pending', now() - make_interval(secs => $3))`,
      [id, subject, secondsAgo],
    );
    return id;
  }

  it('claims the oldest due message nobody holds; a held one is skipped until its lease ends', async () => {
    const older = await queued('older', 20);
    const newer = await queued('newer', 10);
    const first = await repo().claim(randomUUID(), 60);
    expect(first?.id).toBe(older);
    const second = await repo().claim(randomUUID(), 60);
    expect(second?.id).toBe(newer);
    expect(await repo().claim(randomUUID(), 60)).toBeNull();
  });

  it('marks a message only while holding its claim; a timed-out send keeps its lease', async () => {
    const id = await queued('mark', 30);
    const token = randomUUID();
    const claimed = await repo().claim(token, 60);
    expect(claimed?.id).toBe(id);
    expect(await repo().markSent(id, randomUUID(), 1)).toBe(false);
    await repo().markFailed(id, token, {
      attempts: 1,
      dead: false,
      error: 'timeout',
      delaySeconds: 1,
      keepLease: true,
    });
    const [row] = await schema.db.query<{ status: string; held: boolean; claim_token: string | null }[]>(
      `SELECT status, claimed_until > now() AS held, claim_token FROM email_queue WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'pending', held: true, claim_token: null });
    expect(await repo().markSent(id, token, 2)).toBe(false);
  });

  it('a failure past the last attempt is dead; a success is sent', async () => {
    const dead = await queued('dead', 50);
    const token = randomUUID();
    expect((await repo().claim(token, 60))?.id).toBe(dead);
    await repo().markFailed(dead, token, {
      attempts: 5,
      dead: true,
      error: 'refused',
      delaySeconds: 16,
      keepLease: false,
    });
    const sent = await queued('sent', 40);
    const other = randomUUID();
    expect((await repo().claim(other, 60))?.id).toBe(sent);
    expect(await repo().markSent(sent, other, 1)).toBe(true);
    const rows = await schema.db.query<{ id: string; status: string; last_error: string | null }[]>(
      `SELECT id, status, last_error FROM email_queue WHERE id = ANY($1::uuid[]) ORDER BY status`,
      [[dead, sent]],
    );
    expect(rows).toEqual([
      { id: dead, status: 'dead', last_error: 'refused' },
      { id: sent, status: 'sent', last_error: null },
    ]);
  });

  it('queues an e-mail once per notification id, with its batch (or none) and its transactional flag', async () => {
    const notificationId = randomUUID();
    const sweep = randomUUID();
    const email = {
      id: randomUUID(),
      notificationId,
      recipientId: randomUUID(),
      toAddress: 'a@example.org',
      subject: 'S',
      body: 'B',
      status: 'batched' as const,
      batch: { key: sweep, kind: 'overdue', line: 'L' },
      language: 'fr',
    };
    await repo().queue(schema.db.manager, email);
    await repo().queue(schema.db.manager, { ...email, id: randomUUID(), subject: 'again' });
    const rows = await schema.db.query<Record<string, unknown>[]>(
      `SELECT subject, status, batch_key, batch_kind, batch_line, language, transactional FROM email_queue WHERE notification_id = $1`,
      [notificationId],
    );
    expect(rows).toEqual([
      {
        subject: 'S',
        status: 'batched',
        batch_key: sweep,
        batch_kind: 'overdue',
        batch_line: 'L',
        language: 'fr',
        transactional: false,
      },
    ]);
  });
});
