import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { event, EventEnvelope } from '@ogp/contracts';
import { createServiceDataSource, runMigrationsUnderLock } from '@ogp/persistence';
import { requestContext } from '@ogp/runtime';
import { TEST_DATABASE_URL, TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { connect, headers, NatsConnection } from 'nats';
import pino from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { EventConsumer } from './event.consumer';
import { ensureEventStreams } from './event-streams';
import { MessagingTables1732100000000 } from './messaging-tables.migration';
import { OUTBOX_CLAIM, OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';
import { deadLetterStreamName, eventsStreamName, prefixedEventSubject } from './subject';

/** Each test uses its own event type, so its consumer sees only its own events. */
const typeFor = (run: string) => event<{ n: number }>(`test.${run}.happened`);
const TestEvent = typeFor('inline');
const logger = pino({ level: 'silent' });

async function migratedDataSource(schema: string): Promise<DataSource> {
  const ds = createServiceDataSource({
    url: TEST_DATABASE_URL,
    schema,
    entities: [],
    migrations: [MessagingTables1732100000000],
    poolSize: 20,
  });
  await ds.initialize();
  await runMigrationsUnderLock(ds, schema);
  return ds;
}

describe('outbox, relay and idempotent consumer (real Postgres and JetStream)', () => {
  const iso = new TestIsolation();
  let nc: NatsConnection;
  let producer: DataSource;
  let consumerDb: DataSource;
  let writer: OutboxWriter;
  let suiteIndex = 0;

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    await ensureEventStreams(await nc.jetstreamManager(), iso.prefix);
    producer = await migratedDataSource(iso.schema('producer'));
    consumerDb = await migratedDataSource(iso.schema('consumer'));
    // The consumer's side effect: one row per handled event; the primary key makes a second handling fail loudly.
    await consumerDb.query(`CREATE TABLE handled (event_id uuid PRIMARY KEY, n int NOT NULL, run text NOT NULL)`);
    writer = new OutboxWriter('producer');
  });

  afterAll(async () => {
    await producer?.destroy();
    await consumerDb?.destroy();
    await nc?.close();
    await iso.cleanup();
  });

  async function writeEvents(count: number, run: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 50) {
      await producer.transaction(async (manager) => {
        for (let j = i; j < Math.min(i + 50, count); j++) {
          const env = await writer.add(manager, typeFor(run), {
            aggregate: { type: 'thing', id: '00000000-0000-4000-8000-000000000000' },
            data: { n: j },
          });
          ids.push(env.id);
        }
      });
    }
    await producer.query(
      `UPDATE outbox SET headers = headers || jsonb_build_object('x-run', $1::text) WHERE published_at IS NULL`,
      [run],
    );
    return ids;
  }

  function consumerFor(
    run: string,
    handle?: (e: EventEnvelope, m: EntityManager) => Promise<void>,
    extra: Partial<ConstructorParameters<typeof EventConsumer>[0]> = {},
  ): EventConsumer {
    suiteIndex += 1;
    return new EventConsumer({
      connection: nc,
      dataSource: consumerDb,
      prefix: iso.prefix,
      durable: `c${suiteIndex}_${run}`,
      filter: typeFor(run).type,
      logger,
      handle:
        handle ??
        (async (e, m) => {
          if ((e.data as { run?: string }).run !== undefined) return;
          await m.query(`INSERT INTO handled (event_id, n, run) VALUES ($1, $2, $3)`, [
            e.id,
            (e.data as { n: number }).n,
            run,
          ]);
        }),
      ...extra,
    });
  }

  /** The producer's relay, polling every 100 ms, started. */
  async function startedRelay(): Promise<OutboxRelay> {
    const relay = new OutboxRelay({
      dataSource: producer,
      publisher: nc.jetstream(),
      prefix: iso.prefix,
      logger,
      pollIntervalMs: 100,
    });
    await relay.start();
    return relay;
  }

  async function handledIn(ids: string[]): Promise<number> {
    const [{ count }] = await consumerDb.query(
      `SELECT count(*)::int AS count FROM handled WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    return count;
  }

  it('a rolled-back change leaves no event in the outbox', async () => {
    const before = await producer.query(`SELECT count(*)::int AS c FROM outbox`);
    await expect(
      producer.transaction(async (manager) => {
        await writer.add(manager, TestEvent, {
          aggregate: { type: 'thing', id: '00000000-0000-4000-8000-000000000000' },
          data: { n: -1 },
        });
        throw new Error('the change failed half way');
      }),
    ).rejects.toThrow('half way');
    const after = await producer.query(`SELECT count(*)::int AS c FROM outbox`);
    expect(after[0].c).toBe(before[0].c);
  });

  it('an event outside a transaction is refused', async () => {
    await expect(
      writer.add(producer.manager, TestEvent, {
        aggregate: { type: 'thing', id: '00000000-0000-4000-8000-000000000000' },
        data: { n: 0 },
      }),
    ).rejects.toThrow(/inside a transaction/);
  });

  it('relays 500 committed events and the consumer handles each exactly once', async () => {
    const ids = await writeEvents(500, 'plain');
    const consumer = consumerFor('plain');
    await consumer.start();
    const relay = await startedRelay();
    try {
      await waitFor(async () => (await handledIn(ids)) === 500, { what: '500 handled events', timeoutMs: 30000 });
      const pending = await producer.query(`SELECT count(*)::int AS c FROM outbox WHERE published_at IS NULL`);
      expect(pending[0].c).toBe(0);
      expect(consumer.stats.handled).toBe(500);
      expect(consumer.stats.duplicates).toBe(0);
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('a claim skips the rows already published: with 3,000 of them and no vacuum, an empty claim reads a handful of buffers', async () => {
    const ids = await writeEvents(3000, 'claim');
    const consumer = consumerFor('claim');
    await consumer.start();
    const relay = await startedRelay();
    try {
      await waitFor(async () => (await handledIn(ids)) === 3000, { what: '3,000 handled events', timeoutMs: 60000 });
    } finally {
      await relay.stop();
      await consumer.stop();
    }
    // The relay's own claim, explained (and rolled back) on one connection, twice: the first walk may
    // still meet dead index entries the relay's claims did not; the second is what each claim costs.
    const runner = producer.createQueryRunner();
    const buffers: number[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        await runner.startTransaction();
        await runner.query(OUTBOX_CLAIM.settings);
        const [row] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${OUTBOX_CLAIM.statement(500)}`);
        const [{ Plan: plan }] = row['QUERY PLAN'] as { Plan: Record<string, number> }[];
        buffers.push(plan['Shared Hit Blocks'] + plan['Shared Read Blocks']);
        await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
    const [{ pages }] = await producer.query(
      `SELECT (pg_relation_size('outbox') / current_setting('block_size')::int)::int AS pages`,
    );
    // A walk visiting the heap page of every published row reads hundreds (343 here with a bitmap scan).
    expect(pages).toBeGreaterThan(100);
    // The index's leaf pages holding the dead entries, and no heap page (18 here).
    expect(buffers[1]).toBeLessThan(60);
  });

  it('events written by a set-based INSERT (insertFromSelect) carry the envelope and headers add writes, and are relayed and handled once each', async () => {
    const run = 'set';
    const contract = typeFor(run);
    const aggregate = '00000000-0000-4000-8000-000000000000';
    const ids: string[] = [];
    await requestContext.run({ correlationId: 'corr-set', actorId: 'actor-set' }, () =>
      producer.transaction(async (manager) => {
        ids.push(
          (await writer.add(manager, contract, { aggregate: { type: 'thing', id: aggregate }, data: { n: 0 } })).id,
        );
        const insert = writer.insertFromSelect(
          contract,
          {
            from: `generate_series(1, 99) AS g(n)`,
            aggregate: { type: 'thing', idSql: `$1::uuid` },
            dataSql: `jsonb_build_object('n', n)`,
          },
          2,
        );
        const rows: { id: string }[] = await manager.query(insert.sql, [aggregate, ...insert.params]);
        writer.markWritten(manager);
        ids.push(...rows.map((r) => r.id));
      }),
    );
    expect(ids).toHaveLength(100);
    const rows: {
      id: string;
      type: string;
      subject: string;
      envelope: EventEnvelope;
      headers: Record<string, string>;
    }[] = await producer.query(`SELECT id, type, subject, envelope, headers FROM outbox WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    const byAdd = rows.find((r) => r.id === ids[0])!;
    const shape = (r: (typeof rows)[number]) => ({
      type: r.type,
      subject: r.subject,
      headers: r.headers,
      envelope: {
        ...r.envelope,
        id: typeof r.envelope.id,
        occurredAt: typeof r.envelope.occurredAt,
        data: Object.keys(r.envelope.data as object),
      },
    });
    expect(byAdd.envelope).toMatchObject({
      source: 'producer',
      correlationId: 'corr-set',
      actorId: 'actor-set',
      data: { n: 0 },
    });
    for (const row of rows) {
      expect(row.envelope.id).toBe(row.id);
      expect(shape(row)).toEqual(shape(byAdd));
    }
    expect(rows.map((r) => (r.envelope.data as { n: number }).n).sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    await producer.query(
      `UPDATE outbox SET headers = headers || jsonb_build_object('x-run', $1::text) WHERE published_at IS NULL`,
      [run],
    );
    const consumer = consumerFor(run);
    await consumer.start();
    const relay = await startedRelay();
    try {
      await waitFor(async () => (await handledIn(ids)) === 100, { what: '100 handled events', timeoutMs: 30000 });
      expect(consumer.stats.handled).toBe(100);
      expect(consumer.stats.duplicates).toBe(0);
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('a relay killed in the middle of a batch loses nothing and nothing is handled twice', async () => {
    const ids = await writeEvents(500, 'killed');
    const jsm = await nc.jetstreamManager();
    const before = (await jsm.streams.info(eventsStreamName(iso.prefix))).state.messages;
    const child = spawn(
      process.execPath,
      [join(__dirname, '..', 'test-fixtures', 'relay-runner.js'), iso.schema('producer'), iso.prefix, '250'],
      {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: TEST_DATABASE_URL, NATS_URL: TEST_NATS_URL },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(
      () => {
        if (out.includes('Error')) throw new Error(out);
        return out.includes('PAUSED');
      },
      { what: 'relay to pause mid-batch', timeoutMs: 20000 },
    );
    await waitFor(async () => (await jsm.streams.info(eventsStreamName(iso.prefix))).state.messages - before >= 250, {
      what: 'first half of the batch in the stream',
    });
    child.kill('SIGKILL');
    await exited;

    // Its transaction died with it: every row is still waiting to be published.
    await waitFor(
      async () =>
        (await producer.query(`SELECT count(*)::int AS c FROM outbox WHERE published_at IS NULL`))[0].c === 500,
      { what: 'rollback of the killed batch' },
    );

    const consumer = consumerFor('killed');
    await consumer.start();
    const relay = await startedRelay();
    try {
      await waitFor(async () => (await handledIn(ids)) === 500, {
        what: 'all 500 handled after the restart',
        timeoutMs: 30000,
      });
      // JetStream dropped the 250 republished copies by Nats-Msg-Id: the stream holds each event once.
      const after = (await jsm.streams.info(eventsStreamName(iso.prefix))).state.messages;
      expect(after - before).toBe(500);
      expect(consumer.stats.handled).toBe(500);
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('with a batch form, 500 events are applied in batches of several, each exactly once, in their order', async () => {
    const ids = await writeEvents(500, 'batched');
    const batches: number[][] = [];
    // A pull that brings a single message applies it with `handle`: recorded as a batch of one.
    const consumer = consumerFor(
      'batched',
      async (e, m) => {
        batches.push([(e.data as { n: number }).n]);
        await m.query(`INSERT INTO handled (event_id, n, run) VALUES ($1, $2, 'batched')`, [
          e.id,
          (e.data as { n: number }).n,
        ]);
      },
      {
        handleBatch: async (events, m) => {
          batches.push(events.map((e) => (e.data as { n: number }).n));
          await m.query(
            `INSERT INTO handled (event_id, n, run) SELECT id, n, 'batched' FROM unnest($1::uuid[], $2::int[]) AS e(id, n)`,
            [events.map((e) => e.id), events.map((e) => (e.data as { n: number }).n)],
          );
        },
      },
    );
    await consumer.start();
    const relay = await startedRelay();
    try {
      await waitFor(async () => (await handledIn(ids)) === 500, { what: '500 handled events', timeoutMs: 30000 });
      expect(consumer.stats.handled).toBe(500);
      expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
      expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThan(1);
      // A batch hands its events over in the order they were written (one relay, one stream).
      for (const b of batches) expect(b).toEqual([...b].sort((x, y) => x - y));
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('a batch form failing rolls its batch back; its events are applied one by one and only the failing one is retried', async () => {
    const ids = await writeEvents(20, 'batchpoison');
    const poisonId = ids[7];
    let batchCalls = 0;
    let poisonAttempts = 0;
    const insert = (m: EntityManager, e: EventEnvelope) =>
      m.query(`INSERT INTO handled (event_id, n, run) VALUES ($1, $2, 'batchpoison')`, [
        e.id,
        (e.data as { n: number }).n,
      ]);
    const consumer = consumerFor(
      'batchpoison',
      async (e, m) => {
        if (e.id === poisonId) {
          poisonAttempts += 1;
          throw new Error('cannot handle this one');
        }
        await insert(m, e);
      },
      {
        maxAttempts: 2,
        backoffMs: [50],
        handleBatch: async (events, m) => {
          batchCalls += 1;
          // Writes the batch's first events before failing: the rollback must undo them.
          for (const e of events) {
            if (e.id === poisonId) throw new Error('cannot handle this one');
            await insert(m, e);
          }
        },
      },
    );
    // All 20 are on the stream before the consumer starts, so they arrive together.
    const relay = await startedRelay();
    await waitFor(
      async () => (await producer.query(`SELECT count(*)::int AS c FROM outbox WHERE published_at IS NULL`))[0].c === 0,
      { what: 'the 20 events relayed' },
    );
    await consumer.start();
    try {
      await waitFor(() => consumer.stats.deadLettered === 1, {
        what: 'the poison event to be dead-lettered',
        timeoutMs: 20000,
      });
      expect(batchCalls).toBeGreaterThanOrEqual(1);
      expect(await handledIn(ids.filter((id) => id !== poisonId))).toBe(19);
      expect(await handledIn([poisonId])).toBe(0);
      expect(consumer.stats.handled).toBe(19);
      expect(poisonAttempts).toBe(2);
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('a kick while a batch runs is kept: its commit leaves at once; with no kick, a partial batch is followed by no poll before the interval', async () => {
    const ids: string[] = [];
    const write = (n: number) =>
      producer.transaction(async (m) => {
        const env = await writer.add(m, typeFor('kicks'), {
          aggregate: { type: 'thing', id: '00000000-0000-4000-8000-000000000000' },
          data: { n },
        });
        ids.push(env.id);
      });
    const published = async (): Promise<number> =>
      (
        await producer.query(
          `SELECT count(*)::int AS c FROM outbox WHERE id = ANY($1::uuid[]) AND published_at IS NOT NULL`,
          [ids],
        )
      )[0].c;
    const js = nc.jetstream();
    let batches = 0;
    // While the first batch publishes, another event is committed with a kick (as a commit in this
    // process would); while the second does, one without (as another process's commit would).
    const relay: OutboxRelay = new OutboxRelay({
      dataSource: producer,
      publisher: {
        publish: async (subject, data, options) => {
          batches += 1;
          if (batches === 1) {
            await write(1);
            relay.kick();
          } else if (batches === 2) await write(2);
          return js.publish(subject, data, options);
        },
      },
      prefix: iso.prefix,
      logger,
      pollIntervalMs: 60000,
    });
    await write(0);
    await relay.start();
    try {
      await waitFor(async () => (await published()) === 2, { what: 'the kicked event published', timeoutMs: 5000 });
      // The one committed without a kick waits for the next poll, a minute away.
      await new Promise((r) => setTimeout(r, 500));
      expect(await published()).toBe(2);
      relay.kick();
      await waitFor(async () => (await published()) === 3, { what: 'the event published on a kick', timeoutMs: 5000 });
    } finally {
      await relay.stop();
    }
  });

  it('a redelivered event id is skipped by the inbox', async () => {
    const js = nc.jetstream();
    const envelope: EventEnvelope<{ n: number }> = {
      id: '11111111-1111-4111-8111-111111111111',
      type: typeFor('dupes').type,
      occurredAt: new Date().toISOString(),
      source: 'test',
      aggregate: { type: 'thing', id: '00000000-0000-4000-8000-000000000000' },
      data: { n: 7 },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(envelope));
    // Two copies under different message ids: JetStream keeps both, the inbox must not.
    await js.publish(prefixedEventSubject(iso.prefix, typeFor('dupes').type), bytes, { msgID: 'copy-1' });
    await js.publish(prefixedEventSubject(iso.prefix, typeFor('dupes').type), bytes, { msgID: 'copy-2' });
    const consumer = consumerFor('dupes');
    await consumer.start();
    try {
      await waitFor(() => consumer.stats.duplicates >= 1, { what: 'the duplicate to be seen' });
      expect(await handledIn([envelope.id])).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('a failing handler is retried with backoff, then moved to the dead-letter subject', async () => {
    const ids = await writeEvents(3, 'poison');
    let attempts = 0;
    const poisonId = ids[1];
    const consumer = consumerFor(
      'poison',
      async (e, m) => {
        if (e.id === poisonId) {
          attempts += 1;
          throw new Error('cannot handle this one');
        }
        await m.query(`INSERT INTO handled (event_id, n, run) VALUES ($1, $2, 'poison')`, [
          e.id,
          (e.data as { n: number }).n,
        ]);
      },
      { maxAttempts: 3, backoffMs: [50, 100] },
    );
    await consumer.start();
    const relay = await startedRelay();
    try {
      await waitFor(() => consumer.stats.deadLettered === 1, {
        what: 'the poison event to be dead-lettered',
        timeoutMs: 20000,
      });
      expect(attempts).toBe(3);
      expect(await handledIn([ids[0], ids[2]])).toBe(2);
      expect(await handledIn([poisonId])).toBe(0);
      const jsm = await nc.jetstreamManager();
      const dead = await jsm.streams.getMessage(deadLetterStreamName(iso.prefix), {
        last_by_subj: `${iso.prefix}.deadletter.${consumer['options'].durable}.${typeFor('poison').type}`,
      });
      expect(JSON.parse(new TextDecoder().decode(dead.data)).id).toBe(poisonId);
      expect(dead.header.get('x-dead-letter-reason')).toContain('cannot handle');
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('an unreadable message goes straight to dead letters and does not block the others', async () => {
    const consumer = consumerFor('garbage');
    await consumer.start();
    try {
      const h = headers();
      h.set('x-test', 'garbage');
      await nc
        .jetstream()
        .publish(prefixedEventSubject(iso.prefix, typeFor('garbage').type), new TextEncoder().encode('not json'), {
          headers: h,
        });
      await waitFor(() => consumer.stats.deadLettered === 1, { what: 'garbage to be dead-lettered' });
    } finally {
      await consumer.stop();
    }
  });
});
