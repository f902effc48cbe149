import { randomUUID } from 'node:crypto';
import { NotificationsRpc } from '@ogp/contracts';
import { freePort, Mailbox, TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { NatsRpcClient } from '@ogp/messaging';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { spawnNotifications } from '../../test/spawned-notifications';

const ADMIN = { actor: { id: randomUUID(), roles: ['admin' as const], scopes: { institutions: [], programmes: [] } } };
const COORDINATOR = {
  actor: { id: randomUUID(), roles: ['coordinator' as const], scopes: { institutions: [], programmes: [] } },
};

/** A dead e-mail retried by the admin is sent again for real (real Postgres, NATS, SMTP); nobody else may, and only a dead one. */
describe('dead e-mail retry (real servers)', () => {
  const iso = new TestIsolation();
  let mailbox: Mailbox;
  let stopNotifications: (() => Promise<void>) | undefined;
  let nc: NatsConnection;
  let rpc: NatsRpcClient;
  let db: DataSource;
  const table = () => `"${iso.schema('notifications')}".email_queue`;

  async function deadEmail(to: string, subject: string): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO ${table()} (id, notification_id, recipient_id, to_address, subject, body, status, attempts, last_error) VALUES ($1, $2, $3, $4, $5, $6, 'dead', 8, 'connection refused')`,
      [id, randomUUID(), randomUUID(), to, subject, 'Le corps du message.'],
    );
    return id;
  }

  beforeAll(async () => {
    mailbox = new Mailbox(await freePort());
    await mailbox.start();
    nc = await connect({ servers: TEST_NATS_URL });
    rpc = new NatsRpcClient(() => nc, iso.prefix, 10000);
    ({ db, stop: stopNotifications } = await spawnNotifications(iso, {
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    }));
  });

  afterAll(async () => {
    rpc?.close();
    await stopNotifications?.();
    await mailbox?.stop();
    await nc?.close();
    await iso.cleanup();
  });

  it('the admin retries a dead e-mail: it leaves the dead letters and arrives; a second retry finds no dead e-mail (404)', async () => {
    const id = await deadEmail('retry@test.ma', 'Relance après échec');
    const listed = await rpc.request(NotificationsRpc.deadLetters, { limit: 100, offset: 0 }, ADMIN);
    expect(listed.items.map((d) => d.id)).toContain(id);
    await expect(rpc.request(NotificationsRpc.retryDeadLetter, { id }, ADMIN)).resolves.toEqual({
      id,
      status: 'pending',
    });
    const mail = await waitFor(() => mailbox.to('retry@test.ma').find((m) => m.subject.includes('Relance')), {
      timeoutMs: 30000,
      what: 'the retried e-mail',
    });
    expect(mail).toBeDefined();
    await waitFor(
      async () => (await db.query(`SELECT status FROM ${table()} WHERE id = $1`, [id]))[0].status === 'sent',
      { timeoutMs: 10000, what: 'sent' },
    );
    expect(
      (await rpc.request(NotificationsRpc.deadLetters, { limit: 100, offset: 0 }, ADMIN)).items.map((d) => d.id),
    ).not.toContain(id);
    await expect(rpc.request(NotificationsRpc.retryDeadLetter, { id }, ADMIN)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a coordinator may not retry (FORBIDDEN) and the e-mail stays dead; an id that is not a uuid is refused', async () => {
    const id = await deadEmail('stays@test.ma', 'Reste en échec');
    await expect(rpc.request(NotificationsRpc.retryDeadLetter, { id }, COORDINATOR)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(rpc.request(NotificationsRpc.retryDeadLetter, { id: 'nope' }, ADMIN)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await db.query(`SELECT status, attempts FROM ${table()} WHERE id = $1`, [id]))[0]).toEqual({
      status: 'dead',
      attempts: 8,
    });
    expect(mailbox.to('stays@test.ma')).toEqual([]);
  });
});
