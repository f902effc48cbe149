import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { Client } from 'pg';
import Redis from 'ioredis';
import { TEST_DATABASE_URL, TEST_NATS_URL, TEST_REDIS_URL } from './servers';

/**
 * One suite's private corner of the shared servers: its own schemas, NATS subject prefix (so its
 * own JetStream streams) and Redis key prefix. `cleanup()` removes all of it.
 */
export class TestIsolation {
  readonly id = `t${randomBytes(4).toString('hex')}`;

  get prefix(): string {
    return this.id;
  }

  schema(service: string): string {
    return `${this.id}_${service}`;
  }

  /** Environment for a service of this suite (in-process or spawned). */
  env(service: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      DATABASE_URL: TEST_DATABASE_URL,
      NATS_URL: TEST_NATS_URL,
      REDIS_URL: TEST_REDIS_URL,
      NATS_PREFIX: this.prefix,
      DB_SCHEMA: this.schema(service),
      HTTP_PORT: '0',
      DB_POOL_SIZE: '5',
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      ...extra,
    };
  }

  async cleanup(): Promise<void> {
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
        `${this.id}\\_%`,
      ]);
      for (const row of rows) await pg.query(`DROP SCHEMA IF EXISTS "${row.nspname}" CASCADE`);
    } finally {
      await pg.end();
    }
    const nc = await connect({ servers: TEST_NATS_URL });
    try {
      const jsm = await nc.jetstreamManager();
      for await (const name of jsm.streams.names()) {
        if (name.startsWith(`${this.id.toUpperCase()}_`)) await jsm.streams.delete(name).catch(() => undefined);
      }
    } finally {
      await nc.close();
    }
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${this.prefix}:*`);
      for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    } finally {
      redis.disconnect();
    }
  }
}
