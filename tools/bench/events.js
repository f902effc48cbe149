// Events end to end: outbox rows -> relay -> JetStream -> durable consumer (inbox + a write per
// event), counting every event at the far end.
require('reflect-metadata');
const { createServiceDataSource, runMigrationsUnderLock } = require('@ogp/persistence');
const {
  MessagingTables1732100000000,
  OutboxRelay,
  OutboxWriter,
  EventConsumer,
  ensureEventStreams,
  connectNats,
} = require('@ogp/messaging');
const { TestIsolation, waitFor, TEST_DATABASE_URL, TEST_NATS_URL } = require('@ogp/testing');
const pino = require('pino');

const TOTAL = Number(process.env.BENCH_EVENTS ?? 20000);
const contract = { type: 'bench.thing.happened' };

async function main() {
  const iso = new TestIsolation();
  const logger = pino({ level: 'silent' });
  // The services' own connection (connectNats: writes batched per tick, no async traces).
  const nc = await connectNats({ url: TEST_NATS_URL, name: 'bench-events' });
  await ensureEventStreams(await nc.jetstreamManager(), iso.prefix);
  const open = async (schema) => {
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
  };
  const producer = await open(iso.schema('producer'));
  const consumerDb = await open(iso.schema('consumer'));
  await consumerDb.query(`CREATE TABLE received (event_id uuid PRIMARY KEY, n int NOT NULL)`);
  const writer = new OutboxWriter('bench');
  try {
    let t = Date.now();
    for (let i = 0; i < TOTAL; i += 500) {
      await producer.transaction(async (m) => {
        for (let j = i; j < Math.min(TOTAL, i + 500); j++)
          await writer.add(m, contract, {
            aggregate: { type: 'thing', id: '00000000-0000-4000-8000-000000000000' },
            data: { n: j },
          });
      });
    }
    const writeSeconds = (Date.now() - t) / 1000;

    const consumer = new EventConsumer({
      connection: nc,
      dataSource: consumerDb,
      prefix: iso.prefix,
      durable: 'bench',
      logger,
      handle: (e, m) => m.query(`INSERT INTO received (event_id, n) VALUES ($1, $2)`, [e.id, e.data.n]),
    });
    const relay = new OutboxRelay({
      dataSource: producer,
      publisher: nc.jetstream(),
      prefix: iso.prefix,
      logger,
      batchSize: 1000,
      pollIntervalMs: 50,
    });
    t = Date.now();
    await consumer.start();
    await relay.start();
    let relayedAt = 0;
    await waitFor(
      async () => {
        if (!relayedAt && relay.published >= TOTAL) relayedAt = Date.now();
        const [{ n }] = await consumerDb.query(`SELECT count(*)::int AS n FROM received`);
        return n >= TOTAL;
      },
      { timeoutMs: 600000, intervalMs: 50, what: 'all events consumed' },
    );
    const seconds = (Date.now() - t) / 1000;
    await relay.stop();
    await consumer.stop();
    const [{ n, distinct }] = await consumerDb.query(
      `SELECT count(*)::int AS n, count(DISTINCT n)::int AS distinct FROM received`,
    );
    const [{ inbox }] = await consumerDb.query(`SELECT count(*)::int AS inbox FROM inbox`);
    console.log(
      `events: ${TOTAL} written to the outbox in ${writeSeconds.toFixed(2)} s (${Math.round(TOTAL / writeSeconds)}/s, 500 per transaction)`,
    );
    console.log(`relay: all ${relay.published} on JetStream after ${((relayedAt - t) / 1000).toFixed(2)} s`);
    console.log(
      `end to end (outbox -> JetStream -> consumer transaction): ${TOTAL} in ${seconds.toFixed(2)} s = ${Math.round(TOTAL / seconds)} events/s (target >= 2,000/s)`,
    );
    console.log(
      `counted at the consumer: ${n} rows, ${distinct} distinct, inbox ${inbox}; lost ${TOTAL - distinct}, handled twice ${n - distinct}`,
    );
  } finally {
    await producer.destroy();
    await consumerDb.destroy();
    await nc.close();
    await iso.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
