import { ensureEventStreams, MessagingTables1732100000000, OutboxRelay } from '@ogp/messaging';
import { createServiceDataSource, runMigrationsUnderLock } from '@ogp/persistence';
import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { NatsConnection } from 'nats';
import pino from 'pino';
import { DataSource } from 'typeorm';

/**
 * A stand-in for the services whose events notifications consumes: an outbox in its own schema,
 * relayed to the suite's JetStream streams as a real service's is.
 */
export async function startEventProducer(
  iso: TestIsolation,
  nc: NatsConnection,
  service: string,
): Promise<{ producer: DataSource; relay: OutboxRelay }> {
  await ensureEventStreams(await nc.jetstreamManager(), iso.prefix);
  const producer = createServiceDataSource({
    url: TEST_DATABASE_URL,
    schema: iso.schema(service),
    entities: [],
    migrations: [MessagingTables1732100000000],
  });
  await producer.initialize();
  await runMigrationsUnderLock(producer, iso.schema(service));
  const relay = new OutboxRelay({
    dataSource: producer,
    publisher: nc.jetstream(),
    prefix: iso.prefix,
    logger: pino({ level: 'silent' }),
    pollIntervalMs: 50,
  });
  await relay.start();
  return { producer, relay };
}
