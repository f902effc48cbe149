// Events end to end: outbox rows -> relay -> JetStream -> durable consumer (inbox + a row written per
// event, by one statement per batch unless BENCH_EVENTS_HANDLER=each), counting every event at the far end. As in the platform, the relay (in the producing
// service) and the consumer (in another service) run in two processes: this one forks itself
// (`events.js consume`) for the consumer.
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
const { execFileSync, fork } = require('node:child_process');
const { TestIsolation, waitFor, TEST_DATABASE_URL, TEST_NATS_URL } = require('@ogp/testing');
const pino = require('pino');
const { cpuMs } = require('./common');

const TOTAL = Number(process.env.BENCH_EVENTS ?? 20000);
// `batch`: the consumer applies a batch's events with one statement (EventConsumer's handleBatch);
// `each`: a statement per event (handle), as the handlers without a batch form do.
const HANDLER = process.env.BENCH_EVENTS_HANDLER === 'each' ? 'each' : 'batch';

/** CPU milliseconds (user + system) the processes have used so far; a process gone counts 0. */
const cpuOfAll = (pids) => pids.reduce((ms, pid) => ms + (cpuMs(pid) || 0), 0);
const pidsOf = (name) => {
  try {
    return execFileSync('pgrep', ['-x', name]).toString().trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};
const contract = { type: 'bench.thing.happened' };

const logger = pino({ level: 'silent' });
// The services' own connection (connectNats: writes batched per tick, no async traces).
const natsConnection = () => connectNats({ url: TEST_NATS_URL, name: 'bench-events' });
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

/**
 * The consuming process: applies events, tells its parent when it has applied them all (counted
 * after each batch's commit, so the parent does not poll the database while it measures), and
 * stops when told, reporting its stats.
 */
async function consume(prefix, schema) {
  const nc = await natsConnection();
  const dataSource = await open(schema);
  const consumer = new EventConsumer({
    connection: nc,
    dataSource,
    prefix,
    durable: 'bench',
    logger,
    handle: (e, m) => m.query(`INSERT INTO received (event_id, n) VALUES ($1, $2)`, [e.id, e.data.n]),
    // The batch form (as the reporting service's projections use it): one statement for the batch.
    ...(HANDLER === 'batch'
      ? {
          handleBatch: (events, m) =>
            m.query(`INSERT INTO received (event_id, n) SELECT * FROM unnest($1::uuid[], $2::int[])`, [
              events.map((e) => e.id),
              events.map((e) => e.data.n),
            ]),
        }
      : {}),
  });
  await consumer.start();
  process.send({ started: true });
  const watch = setInterval(() => {
    if (consumer.stats.handled + consumer.stats.duplicates < TOTAL) return;
    clearInterval(watch);
    process.send({ applied: consumer.stats.handled });
  }, 5);
  process.on('message', async () => {
    clearInterval(watch);
    await consumer.stop();
    await dataSource.destroy();
    await nc.close();
    process.send({ stats: consumer.stats }, () => process.exit(0));
  });
}

async function main() {
  const iso = new TestIsolation();
  const nc = await natsConnection();
  await ensureEventStreams(await nc.jetstreamManager(), iso.prefix);
  const producer = await open(iso.schema('producer'));
  const consumerDb = await open(iso.schema('consumer'));
  await consumerDb.query(`CREATE TABLE received (event_id uuid PRIMARY KEY, n int NOT NULL)`);
  const writer = new OutboxWriter('bench');
  let consumer = null;
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

    consumer = fork(__filename, ['consume', iso.prefix, iso.schema('consumer')]);
    const fromConsumer = () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the consumer did not answer within 600 s')), 600000);
        const exited = (code) => reject(new Error(`the consumer exited with ${code}`));
        consumer.once('exit', exited);
        consumer.once('message', (message) => {
          clearTimeout(timer);
          consumer.off('exit', exited);
          resolve(message);
        });
      });
    const relay = new OutboxRelay({
      dataSource: producer,
      publisher: nc.jetstream(),
      prefix: iso.prefix,
      logger,
      batchSize: 1000,
      pollIntervalMs: 50,
    });
    await fromConsumer(); // its durable consumer exists and pulls
    // Where the CPU goes (this process is the relay; Postgres and nats-server as a whole).
    const cpu = () => ({
      relay: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
      consumer: cpuOfAll([consumer.pid]),
      postgres: cpuOfAll(pidsOf('postgres')),
      'nats-server': cpuOfAll(pidsOf('nats-server')),
    });
    const cpuBefore = cpu();
    const applied = fromConsumer();
    t = Date.now();
    await relay.start();
    let relayedAt = 0;
    const watchRelay = setInterval(() => {
      if (!relayedAt && relay.published >= TOTAL) relayedAt = Date.now();
    }, 5);
    await applied.finally(() => clearInterval(watchRelay));
    const seconds = (Date.now() - t) / 1000;
    // The last batch can be applied before the relay's own commit of it returns.
    await waitFor(async () => relay.published >= TOTAL, { timeoutMs: 60000, intervalMs: 5, what: 'relay done' });
    relayedAt ||= Date.now();
    const cpuAfter = cpu();
    await relay.stop();
    const stopped = fromConsumer();
    consumer.send('stop');
    await stopped;
    const [{ n, distinct }] = await consumerDb.query(
      `SELECT count(*)::int AS n, count(DISTINCT n)::int AS distinct FROM received`,
    );
    const [{ inbox }] = await consumerDb.query(`SELECT count(*)::int AS inbox FROM inbox`);
    console.log(
      `events: ${TOTAL} written to the outbox in ${writeSeconds.toFixed(2)} s (${Math.round(TOTAL / writeSeconds)}/s, 500 per transaction)`,
    );
    console.log(`relay: all ${relay.published} on JetStream after ${((relayedAt - t) / 1000).toFixed(2)} s`);
    console.log(
      `end to end (outbox -> JetStream -> consumer transaction, ${HANDLER === 'batch' ? 'one statement per batch' : 'one statement per event'}): ${TOTAL} in ${seconds.toFixed(2)} s = ${Math.round(TOTAL / seconds)} events/s`,
    );
    console.log(
      `CPU per event, us: ${Object.keys(cpuAfter)
        .map((k) => `${k} ${Math.round(((cpuAfter[k] - cpuBefore[k]) * 1000) / TOTAL)}`)
        .join(', ')}`,
    );
    console.log(
      `counted at the consumer: ${n} rows, ${distinct} distinct, inbox ${inbox}; lost ${TOTAL - distinct}, handled twice ${n - distinct}`,
    );
  } finally {
    if (consumer && consumer.exitCode === null) consumer.kill();
    await producer.destroy();
    await consumerDb.destroy();
    await nc.close();
    await iso.cleanup();
  }
}

(process.argv[2] === 'consume' ? consume(process.argv[3], process.argv[4]) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
