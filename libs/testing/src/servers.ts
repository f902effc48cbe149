import { Client } from 'pg';
import Redis from 'ioredis';
import { connect } from 'nats';

export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Fails with a readable message when one of the three servers the tests need is not up. */
export async function assertServersReachable(): Promise<void> {
  const problems: string[] = [];
  const pg = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await pg
    .connect()
    .then(() => pg.query('SELECT 1'))
    .catch((e: Error) =>
      problems.push(`PostgreSQL at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}: ${e.message}`),
    )
    .finally(() => pg.end().catch(() => undefined));
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
  await redis
    .connect()
    .then(() => redis.ping())
    .catch((e: Error) => problems.push(`Redis at ${TEST_REDIS_URL}: ${e.message}`))
    .finally(() => redis.disconnect());
  await connect({ servers: TEST_NATS_URL, timeout: 3000 })
    .then(async (nc) => {
      await (
        await nc.jetstreamManager()
      )
        .getAccountInfo()
        .catch((e: Error) => problems.push(`NATS at ${TEST_NATS_URL} has no JetStream: ${e.message}`));
      await nc.close();
    })
    .catch((e: Error) => problems.push(`NATS at ${TEST_NATS_URL}: ${e.message}`));
  if (problems.length) {
    throw new Error(
      `The tests need PostgreSQL, Redis and NATS with JetStream (tools/ensure-servers.sh starts them):\n  - ${problems.join('\n  - ')}`,
    );
  }
}
