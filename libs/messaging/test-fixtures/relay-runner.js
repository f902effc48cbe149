// A relay process for the "killed mid-batch" test: it publishes part of one batch, announces
// PAUSED and waits to be killed. Uses the compiled library, as a deployed service would.
const { connect } = require('nats');
const { OutboxRelay } = require('@ogp/messaging');
const { createServiceDataSource } = require('@ogp/persistence');
const pino = require('pino');

async function main() {
  const [schema, prefix, pauseAfter] = process.argv.slice(2);
  const dataSource = createServiceDataSource({ url: process.env.DATABASE_URL, schema, entities: [], migrations: [] });
  await dataSource.initialize();
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  let published = 0;
  const publisher = {
    async publish(subject, data, options) {
      if (published >= Number(pauseAfter)) {
        process.stdout.write(`PAUSED after ${published}\n`);
        await new Promise(() => undefined);
      }
      published += 1;
      return js.publish(subject, data, options);
    },
  };
  const relay = new OutboxRelay({ dataSource, publisher, prefix, logger: pino({ level: 'silent' }), batchSize: 500 });
  await relay.relayOnce();
  process.stdout.write('BATCH DONE\n');
  process.exit(0);
}
main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err));
  process.exit(1);
});
