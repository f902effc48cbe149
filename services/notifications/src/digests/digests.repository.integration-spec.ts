import { randomUUID } from 'node:crypto';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { DigestsRepository } from './digests.repository';

describe('DigestsRepository (real Postgres)', () => {
  const repo = new DigestsRepository();
  const schema = useNotificationsSchema();

  async function item(recipientId: string, subject: string, status = 'digest', minutesAgo = 0): Promise<string> {
    const id = randomUUID();
    await schema.db.query(
      `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, created_at)
       VALUES ($1, gen_random_uuid(), $2, 'p@example.org', $3, 'body', $4, now() - make_interval(mins => $5))`,
      [id, recipientId, subject, status, minutesAgo],
    );
    return id;
  }

  it("gathers each person's digest items, oldest first, as their lines in the recipient's language", async () => {
    const person = randomUUID();
    await schema.db.query(
      `INSERT INTO recipients (user_id, email, display_name, roles, scopes, language, active) VALUES ($1, 'p@example.org', 'P', '{citizen}', '{}', 'fr', true)`,
      [person],
    );
    const newer = await item(person, 'second', 'digest', 1);
    const older = await item(person, 'first', 'digest', 5);
    await item(person, 'already sent', 'pending');
    const [group, ...others] = await repo.waiting(schema.db.manager);
    expect(others).toEqual([]);
    expect(group).toEqual({
      recipientId: person,
      toAddress: 'p@example.org',
      language: 'fr',
      ids: [older, newer],
      lines: ['- first\n  body', '- second\n  body'],
    });
    await repo.markDigested(schema.db.manager, group.ids);
    expect(await repo.waiting(schema.db.manager)).toEqual([]);
    const statuses = await schema.db.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM email_queue WHERE recipient_id = $1 GROUP BY status ORDER BY status`,
      [person],
    );
    expect(statuses).toEqual([
      { status: 'digested', n: 2 },
      { status: 'pending', n: 1 },
    ]);
  });
});
