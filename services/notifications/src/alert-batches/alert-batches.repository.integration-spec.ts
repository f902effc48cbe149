import { randomUUID } from 'node:crypto';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { AlertBatchesRepository } from './alert-batches.repository';

describe('AlertBatchesRepository (real Postgres)', () => {
  const repo = new AlertBatchesRepository();
  const schema = useNotificationsSchema();

  async function batched(sweep: string, recipientId: string, kind: string, line: string): Promise<string> {
    const id = randomUUID();
    await schema.db.query(
      `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, batch_key, batch_kind, batch_line, language)
       VALUES ($1, gen_random_uuid(), $2, 'p@example.org', 'S', 'B', 'batched', $3, $4, $5, 'en')`,
      [id, recipientId, sweep, kind, line],
    );
    return id;
  }

  it('a sweep is complete when every alert counted itself in, and joins nothing once flushed', async () => {
    const sweep = { id: randomUUID(), size: 2 };
    expect(await repo.join(schema.db.manager, sweep)).toBe(true);
    expect(await repo.complete(schema.db.manager, sweep.id)).toBe(false);
    expect(await repo.join(schema.db.manager, sweep)).toBe(true);
    expect(await repo.complete(schema.db.manager, sweep.id)).toBe(true);
    await repo.markFlushed(schema.db.manager, sweep.id);
    expect(await repo.complete(schema.db.manager, sweep.id)).toBe(false);
    expect(await repo.join(schema.db.manager, sweep)).toBe(false);
    expect(await repo.complete(schema.db.manager, randomUUID())).toBe(false);
  });

  it("each person's waiting alerts of a sweep, by kind then arrival", async () => {
    const sweep = randomUUID();
    const person = randomUUID();
    const first = await batched(sweep, person, 'overdue', 'o1');
    const second = await batched(sweep, person, 'deadline_approaching', 'd1');
    const other = await batched(sweep, randomUUID(), 'overdue', 'x');
    await batched(randomUUID(), person, 'overdue', 'another sweep');
    const waiting = await repo.waiting(schema.db.manager, sweep);
    const mine = waiting.find((w) => w.recipientId === person);
    expect(waiting).toHaveLength(2);
    expect(mine).toMatchObject({
      ids: [second, first],
      kinds: ['deadline_approaching', 'overdue'],
      lines: ['d1', 'o1'],
    });
    await repo.markGrouped(schema.db.manager, mine!.ids);
    await repo.release(schema.db.manager, other);
    expect(await repo.waiting(schema.db.manager, sweep)).toEqual([]);
  });

  it('only sweeps waiting longer than the wait and not flushed are stale', async () => {
    const old = randomUUID();
    const recent = randomUUID();
    await repo.join(schema.db.manager, { id: old, size: 5 });
    await repo.join(schema.db.manager, { id: recent, size: 5 });
    await schema.db.query(`UPDATE alert_sweeps SET first_seen_at = now() - interval '1 hour' WHERE sweep_id = $1`, [
      old,
    ]);
    const stale = await schema.db.transaction((m) => repo.lockStale(m, 60));
    expect(stale).toContain(old);
    expect(stale).not.toContain(recent);
  });
});
