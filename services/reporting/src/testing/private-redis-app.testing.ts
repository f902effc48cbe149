import { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig } from '@ogp/runtime';
import { PrivateServer, TestIsolation } from '@ogp/testing';
import Redis from 'ioredis';
import { createReportingApp } from '../reporting.app';
import { ReportingConfig } from '../reporting.config';

export interface PrivateRedisApp {
  redis: PrivateServer;
  app: INestApplication;
  /** A client of the private server, to wipe it (its errors while the server is down are ignored). */
  admin: Redis;
  stop(): Promise<void>;
}

/** The reporting service on its own redis-server (wiped, killed and restarted by the spec; the shared one is never touched). */
export async function reportingOnPrivateRedis(
  iso: TestIsolation,
  env: Record<string, string>,
): Promise<PrivateRedisApp> {
  const redis = await PrivateServer.redis();
  const config = loadConfig(ReportingConfig, iso.env('reporting', { REDIS_URL: redis.url, ...env }));
  const { app } = await createReportingApp(config, createLogger('reporting', 'warn')).catch(async (err: Error) => {
    await redis.stop();
    throw err;
  });
  const admin = new Redis(redis.url, { maxRetriesPerRequest: null });
  admin.on('error', () => undefined);
  return {
    redis,
    app,
    admin,
    stop: async () => {
      await app.close();
      admin.disconnect();
      await redis.stop();
    },
  };
}
