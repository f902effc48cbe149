import { INestApplication } from '@nestjs/common';
import { PrivateServer, TestIsolation, waitFor } from '@ogp/testing';
import Redis from 'ioredis';
import { reportingOnPrivateRedis } from '../testing/private-redis-app.testing';
import { REPORTING_SCHEDULES } from './job-name.constant';
import { SchedulerService } from './scheduler.service';

// The suite's own redis-server, wiped and restarted; the shared one is never touched.
describe('reporting schedules after Redis is wiped or restarted (private redis-server)', () => {
  const iso = new TestIsolation();
  let redis: PrivateServer;
  let app: INestApplication;
  let admin: Redis;
  let stop: (() => Promise<void>) | undefined;

  const scheduleKeys = async () =>
    (await app.get(SchedulerService).queue.getJobSchedulers(0, 100)).map((s) => s.key).sort();
  const expected = REPORTING_SCHEDULES.map((s) => s.key).sort();

  beforeAll(async () => {
    ({ redis, app, admin, stop } = await reportingOnPrivateRedis(iso, {
      SCHEDULE_CHECK_INTERVAL_MS: '500',
      RUN_WORKER: 'false',
    }));
  });

  afterAll(async () => {
    await stop?.();
    await iso.cleanup();
  });

  it('a wipe (FLUSHALL) loses the schedules; they are back within the check interval', async () => {
    expect(await scheduleKeys()).toEqual(expected);
    await admin.flushall();
    const wipedAt = Date.now();
    await waitFor(async () => JSON.stringify(await scheduleKeys()) === JSON.stringify(expected), {
      timeoutMs: 10000,
      what: 'schedules back after a wipe',
    });
    process.stdout.write(`schedules back ${((Date.now() - wipedAt) / 1000).toFixed(2)} s after FLUSHALL\n`);
  });

  it('a restart of Redis without persistence: the schedules are back after the reconnect', async () => {
    await redis.kill();
    await redis.start();
    await waitFor(async () => JSON.stringify(await scheduleKeys()) === JSON.stringify(expected), {
      timeoutMs: 15000,
      what: 'schedules back after a restart',
    });
  });
});
