import { randomUUID } from 'node:crypto';
import { CommitmentsRpc, NotificationsRpc } from '@ogp/contracts';
import { NatsRpcClient, withPrefix } from '@ogp/messaging';
import { TEST_NATS_URL, TestIsolation } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { spawnNotifications } from '../../test/spawned-notifications';

/**
 * Following is a create over RPC: with an Idempotency-Key (forwarded by the gateway), a retry after
 * a lost answer gets the first answer back and writes nothing. The owning service (commitments) is
 * played here by a responder saying the commitment exists.
 */
describe('follow with an idempotency key (real Postgres, NATS)', () => {
  const iso = new TestIsolation();
  const actor = { id: randomUUID(), roles: ['citizen' as const], scopes: { institutions: [], programmes: [] } };
  const commitmentId = randomUUID();
  let stopNotifications: (() => Promise<void>) | undefined;
  let nc: NatsConnection;
  let rpc: NatsRpcClient;
  let db: DataSource;

  const follows = async (): Promise<number> =>
    (
      await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM follows WHERE user_id = $1 AND target_id = $2`, [
        actor.id,
        commitmentId,
      ])
    )[0].n;

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    nc.subscribe(withPrefix(iso.prefix, CommitmentsRpc.getCommitment.subject), {
      callback: (_err, msg) => {
        const request = JSON.parse(new TextDecoder().decode(msg.data)) as { id: string };
        const title = { ar: 'التزام', fr: 'Engagement', en: 'Commitment' };
        msg.respond(JSON.stringify({ id: request.id, response: { id: commitmentId, title }, isDisposed: true }));
      },
    });
    rpc = new NatsRpcClient(() => nc, iso.prefix, 10000);
    ({ db, stop: stopNotifications } = await spawnNotifications(iso, { SMTP_URL: 'smtp://127.0.0.1:1' }));
  });

  afterAll(async () => {
    rpc?.close();
    await stopNotifications?.();
    await nc?.close();
    await iso.cleanup();
  });

  it('a retry with the same key gets the first answer and follows nothing again; another key follows anew', async () => {
    const target = { kind: 'commitment' as const, id: commitmentId };
    const first = await rpc.request(NotificationsRpc.follow, target, { actor, idempotencyKey: 'follow-1' });
    expect(first).toMatchObject({ kind: 'commitment', id: commitmentId });
    expect(await follows()).toBe(1);

    await rpc.request(NotificationsRpc.unfollow, target, { actor });
    expect(await follows()).toBe(0);
    // The retry of the first follow (its answer was lost): the same answer, and no follow written again.
    await expect(rpc.request(NotificationsRpc.follow, target, { actor, idempotencyKey: 'follow-1' })).resolves.toEqual(
      first,
    );
    expect(await follows()).toBe(0);

    const again = await rpc.request(NotificationsRpc.follow, target, { actor, idempotencyKey: 'follow-2' });
    expect(again.id).toBe(commitmentId);
    expect(await follows()).toBe(1);
  });
});
