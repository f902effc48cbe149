import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { PrivateServer, TestIsolation, waitFor } from '@ogp/testing';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ReportsService } from '../reports/reports.service';
import { reportingOnPrivateRedis } from '../testing/private-redis-app.testing';
import { MAX_REPORT_REQUEUES } from '../reports/report-reconciler.service';
import { SchedulerService } from './scheduler.service';

// The suite's own redis-server, wiped, killed and restarted; the shared one is never touched.
describe('reports whose job Redis lost, and reports requested while Redis is away (private redis-server)', () => {
  const iso = new TestIsolation();
  let redis: PrivateServer;
  let app: INestApplication;
  let admin: Redis;
  let stop: (() => Promise<void>) | undefined;
  let db: DataSource;
  const coordinator: Actor = { id: randomUUID(), roles: ['coordinator'], scopes: { institutions: [], programmes: [] } };

  const request = () => app.get(ReportsService).request(coordinator, 'activities', 'json', {});
  const row = async (id: string) =>
    (await db.query(`SELECT status, error, requeues FROM reports WHERE id = $1`, [id]))[0];
  /** The events that tell the requester, as written with the report's end (the outbox). */
  const told = async (id: string) =>
    (
      await db.query(
        `SELECT envelope FROM outbox WHERE type = 'reporting.report.finished' AND envelope->'data'->>'reportId' = $1`,
        [id],
      )
    ).map(
      (r: { envelope: { data: { status: string; error: string | null; requestedBy: string } } }) => r.envelope.data,
    );

  beforeAll(async () => {
    ({ redis, app, admin, stop } = await reportingOnPrivateRedis(iso, {
      REPORT_RECONCILE_INTERVAL_MS: '500',
      SCHEDULE_CHECK_INTERVAL_MS: '500',
    }));
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await stop?.();
    await iso.cleanup();
  });

  it('Redis wiped under 3 queued reports: within a minute each is queued again and generated, and its requester is told', async () => {
    const queue = app.get(SchedulerService).queue;
    await queue.pause();
    const ids = [(await request()).id, (await request()).id, (await request()).id];
    expect(await queue.getJobCounts('waiting', 'paused')).toEqual(expect.objectContaining({ paused: 3 }));
    await admin.flushall();
    const wipedAt = Date.now();
    await waitFor(async () => (await Promise.all(ids.map(row))).every((r) => r.status === 'done'), {
      what: '3 reports done after the wipe',
      timeoutMs: 60000,
    });
    process.stdout.write(`3 reports done ${((Date.now() - wipedAt) / 1000).toFixed(1)} s after FLUSHALL\n`);
    for (const id of ids) {
      expect(await row(id)).toEqual({ status: 'done', error: null, requeues: 1 });
      await waitFor(async () => (await told(id)).length === 1, { what: 'the requester told' });
      expect(await told(id)).toEqual([
        expect.objectContaining({ status: 'done', error: null, requestedBy: coordinator.id }),
      ]);
    }
  }, 90_000);

  it(`a report whose job was lost ${MAX_REPORT_REQUEUES} times already is failed with its reason, and its requester is told`, async () => {
    const queue = app.get(SchedulerService).queue;
    await queue.pause();
    const { id } = await request();
    await db.query(`UPDATE reports SET requeues = $2 WHERE id = $1`, [id, MAX_REPORT_REQUEUES]);
    await admin.flushall();
    await waitFor(async () => (await row(id)).status === 'failed', { what: 'the report failed', timeoutMs: 60000 });
    expect(await row(id)).toEqual({
      status: 'failed',
      error: `its job was lost ${MAX_REPORT_REQUEUES + 1} times (Redis); request it again`,
      requeues: MAX_REPORT_REQUEUES,
    });
    await waitFor(async () => (await told(id)).length === 1, { what: 'the requester told' });
    expect(await told(id)).toEqual([
      expect.objectContaining({
        status: 'failed',
        error: expect.stringContaining('lost'),
        requestedBy: coordinator.id,
      }),
    ]);
    await queue.resume();
  }, 90_000);

  it('requested while Redis is down: accepted at once (queued, not a 5 s wait), and generated once Redis is back', async () => {
    await redis.kill();
    const started = Date.now();
    const view = await request();
    const answeredIn = Date.now() - started;
    expect(view.status).toBe('queued');
    expect(answeredIn).toBeLessThan(1500);
    // Kept 3 s without Redis: still queued, not failed.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await row(view.id)).status).toBe('queued');
    await redis.start();
    await waitFor(async () => (await row(view.id)).status === 'done', {
      what: 'the report generated after Redis came back',
      timeoutMs: 60000,
    });
    expect(await row(view.id)).toEqual({ status: 'done', error: null, requeues: 1 });
    await waitFor(async () => (await told(view.id)).length === 1, { what: 'the requester told' });
  }, 90_000);
});
