import { CommitmentsEvents, IdentityEvents, UserDirectoryEntry } from '@ogp/contracts';
import { OutboxRelay, OutboxWriter } from '@ogp/messaging';
import { createServiceDataSource } from '@ogp/persistence';
import { freePort, SpawnedService, TEST_DATABASE_URL, TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { startEventProducer } from '../test/event-producer';

/**
 * The notifications service as a real process, fed by a real outbox relay: it is stopped,
 * killed and doubled while events keep coming, and every event still takes effect once.
 */
describe('notifications durability (real Postgres, JetStream, processes)', () => {
  const iso = new TestIsolation();
  let nc: NatsConnection;
  let producer: DataSource;
  let relay: OutboxRelay;
  let writer: OutboxWriter;
  let db: DataSource;
  const staff = ['coordinator', 'admin'].map((role) => ({ userId: randomUUID(), role }));

  async function service(): Promise<SpawnedService> {
    return new SpawnedService(
      'notifications',
      iso.env('notifications', { HTTP_PORT: String(await freePort()), LOG_LEVEL: 'info' }),
    );
  }

  async function produce(count: number, batch: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 100) {
      await producer.transaction(async (manager) => {
        for (let j = i; j < Math.min(count, i + 100); j++) {
          const programmeId = randomUUID();
          const e = await writer.add(manager, CommitmentsEvents.programmeCreated, {
            aggregate: { type: 'programme', id: programmeId },
            data: {
              programmeId,
              code: `${batch}-${j}`,
              kind: 'ogp_local',
              name: { ar: `برنامج ${j}`, fr: `Programme ${j}` },
            },
          });
          ids.push(e.id);
        }
      });
    }
    return ids;
  }

  async function effects(ids: string[]): Promise<{ inbox: number; notifications: number; distinctPairs: number }> {
    const schema = iso.schema('notifications');
    const [inbox] = await db.query(
      `SELECT count(*)::int AS n FROM "${schema}".inbox WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    const [notes] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT (event_id, recipient_id))::int AS pairs FROM "${schema}".notifications WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    return { inbox: inbox.n, notifications: notes.n, distinctPairs: notes.pairs };
  }

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    ({ producer, relay } = await startEventProducer(iso, nc, 'commitments'));
    db = createServiceDataSource({
      url: TEST_DATABASE_URL,
      schema: iso.schema('commitments'),
      entities: [],
      migrations: [],
    });
    await db.initialize();
    writer = new OutboxWriter('commitments');
    // Two staff members in the directory: each programme event notifies both.
    await producer.transaction(async (manager) => {
      for (const person of staff) {
        const entry: UserDirectoryEntry = {
          userId: person.userId,
          email: `${person.role}@test.ma`,
          displayName: person.role,
          roles: [person.role as 'coordinator'],
          scopes: { institutions: [], programmes: [] },
          language: 'ar',
          active: true,
        };
        await writer.add(manager, IdentityEvents.userRegistered, {
          aggregate: { type: 'user', id: person.userId },
          data: entry,
        });
      }
    });
  });

  afterAll(async () => {
    await relay?.stop();
    await producer?.destroy();
    await db?.destroy();
    await nc?.close();
    await iso.cleanup();
  });

  it('stopped while 500 events arrive, it handles all 500 exactly once after it starts again', async () => {
    const first = (await service()).start();
    await first.ready();
    await waitFor(
      async () =>
        (await db.query(`SELECT count(*)::int AS n FROM "${iso.schema('notifications')}".recipients`))[0].n === 2,
      { what: 'the directory' },
    );
    expect(await first.stop()).toBe(0);

    const ids = await produce(500, 'stopped');
    await waitFor(
      async () => (await producer.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`))[0].n === 0,
      { what: 'all 500 relayed' },
    );
    expect((await effects(ids)).inbox).toBe(0);

    const second = (await service()).start();
    try {
      await second.ready();
      await waitFor(async () => (await effects(ids)).inbox === 500, {
        what: '500 handled after restart',
        timeoutMs: 60000,
      });
      expect(await effects(ids)).toEqual({ inbox: 500, notifications: 1000, distinctPairs: 1000 });
      // The handler ran once per event: one log line each. The lines reach this process through a pipe,
      // possibly after the rows are visible: wait for them, then count.
      const handledLines = () =>
        second.output
          .split('\n')
          .filter((l) => l.includes('in-app notifications recorded') && l.includes('commitments.programme.created'))
          .length;
      await waitFor(() => handledLines() >= 500, { what: 'the 500 handling log lines', timeoutMs: 10000 });
      expect(handledLines()).toBe(500);
    } finally {
      await second.stop();
    }
  });

  it('killed in the middle of a burst of 1,000 events, it still delivers every notification once', async () => {
    const victim = (await service()).start();
    await victim.ready();
    const ids = await produce(1000, 'burst');
    await waitFor(async () => (await effects(ids)).inbox > 100, {
      what: 'the burst to be under way',
      timeoutMs: 30000,
      intervalMs: 20,
    });
    await victim.kill();
    const midway = await effects(ids);
    expect(midway.inbox).toBeLessThan(1000);

    const revived = (await service()).start();
    try {
      await revived.ready();
      await waitFor(async () => (await effects(ids)).inbox === 1000, { what: 'all 1,000 handled', timeoutMs: 60000 });
      expect(await effects(ids)).toEqual({ inbox: 1000, notifications: 2000, distinctPairs: 2000 });
    } finally {
      await revived.stop();
    }
  });

  it('two processes in the same queue group share the events and handle each once', async () => {
    const a = (await service()).start();
    const b = (await service()).start();
    try {
      await Promise.all([a.ready(), b.ready()]);
      const ids = await produce(400, 'pair');
      await waitFor(async () => (await effects(ids)).inbox === 400, {
        what: '400 handled by the pair',
        timeoutMs: 60000,
      });
      expect(await effects(ids)).toEqual({ inbox: 400, notifications: 800, distinctPairs: 800 });
      const handledBy = (s: SpawnedService) =>
        s.output
          .split('\n')
          .filter(
            (l) => l.includes('in-app notifications recorded') && l.includes('"type":"commitments.programme.created"'),
          ).length;
      // The log lines reach this process through pipes, possibly after the rows are visible (393 of 400
      // were there once, the rows all in): wait for them, then count.
      await waitFor(() => handledBy(a) + handledBy(b) >= 400, { what: 'the 400 handling log lines', timeoutMs: 10000 });
      expect(handledBy(a)).toBeGreaterThan(0);
      expect(handledBy(b)).toBeGreaterThan(0);
      expect(handledBy(a) + handledBy(b)).toBe(400);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
