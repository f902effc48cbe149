import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JobsOverview, NotificationsRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { HealthRegistry, LOGGER, SERVICE_CONFIG, watchQueueDepth } from '@ogp/runtime';
import { Queue, Worker } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { ReportingConfig } from '../reporting.config';
import { REPORTING_QUEUE, REPORTING_SCHEDULES, ReportingJobs } from './job-name.constant';
import { JobRegistry } from './job.registry';

/**
 * The reporting queue, its worker and its schedules. Redis holds no truth: schedules are
 * upserted at every boot under stable keys, and every job is a sweep over Postgres that is safe
 * to run twice.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly connection: Redis;
  readonly queue: Queue;
  private worker: Worker | null = null;
  private scheduleCheck: NodeJS.Timeout | null = null;
  private readonly unwatchDepth: () => void;

  constructor(
    private readonly registry: JobRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    rpc: NatsRpcClient,
    health: HealthRegistry,
  ) {
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on('error', () => undefined);
    // BullMQOtel carries the trace context of whoever adds a job into its options; the worker continues it.
    this.queue = new Queue(REPORTING_QUEUE, {
      connection: this.connection,
      prefix: this.prefix,
      telemetry: new BullMQOtel('reporting'),
    });
    this.unwatchDepth = watchQueueDepth(REPORTING_QUEUE, () =>
      this.queue.getJobCounts('waiting', 'active', 'failed', 'delayed'),
    );
    this.queue.on('error', (err) => this.logger.warn({ err: err.message }, 'job queue error'));
    health.register('redis', async () => {
      await this.connection.ping();
    });
    registry.register(ReportingJobs.sendDigests, () =>
      rpc.request(NotificationsRpc.sendDigests, {}, { timeoutMs: 60000 }),
    );
  }

  /** Runs `listener` each time the connection to Redis is (re)established. */
  onRedisReady(listener: () => void): void {
    this.connection.on('ready', listener);
  }

  /** Whether Redis answers now (a command sent otherwise would wait in the offline queue). */
  redisReady(): boolean {
    return this.connection.status === 'ready';
  }

  private get prefix(): string {
    return `${this.config.NATS_PREFIX || 'ogp'}:bull`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.registry.assertComplete();
    await this.upsertSchedules();
    // Redis holds no truth: after a restart (reconnect) or a wipe (seen by the periodic check), the schedules are put back.
    this.connection.on('ready', () => void this.restoreSchedules());
    this.scheduleCheck = setInterval(() => void this.restoreSchedules(), this.config.SCHEDULE_CHECK_INTERVAL_MS);
    this.scheduleCheck.unref();
    if (this.config.RUN_WORKER) {
      this.worker = new Worker(REPORTING_QUEUE, (job) => this.registry.handlerFor(job.name)(job.data, job), {
        connection: this.connection.duplicate(),
        prefix: this.prefix,
        concurrency: 2,
        telemetry: new BullMQOtel('reporting'),
      });
      this.worker.on('failed', (job, err) =>
        this.logger.warn({ job: job?.name, id: job?.id, err: err.message }, 'job failed'),
      );
      // Redis holds no truth and may lose a job under the worker (a wipe, a failover): log, never crash.
      this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'job worker error'));
    }
  }

  /** Puts every schedule in place (again): same keys, so never twice. */
  async upsertSchedules(): Promise<void> {
    for (const schedule of REPORTING_SCHEDULES) {
      await this.queue.upsertJobScheduler(
        schedule.key,
        { pattern: schedule.pattern, tz: this.config.SCHEDULE_TIMEZONE },
        { name: schedule.job.name, data: {} },
      );
    }
  }

  /** Upserts the schedules Redis no longer has; a failure (Redis still away) waits for the next check. */
  async restoreSchedules(): Promise<void> {
    try {
      const present = new Set((await this.queue.getJobSchedulers(0, 100)).map((s) => s.key));
      const missing = REPORTING_SCHEDULES.filter((s) => !present.has(s.key));
      if (missing.length === 0) return;
      await this.upsertSchedules();
      this.logger.warn({ restored: missing.map((s) => s.key) }, 'schedules lost by Redis put back');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'schedules could not be checked');
    }
  }

  async overview(): Promise<JobsOverview> {
    const counts = await this.queue.getJobCounts('active', 'waiting', 'delayed', 'completed', 'failed');
    const schedulers = (await this.queue.getJobSchedulers(0, 100)).map((s) => ({
      key: s.key,
      name: s.name,
      pattern: s.pattern ?? null,
      next: s.next ? new Date(s.next).toISOString() : null,
    }));
    const jobs = await this.queue.getJobs(['active', 'waiting', 'completed', 'failed'], 0, 49);
    const recent = await Promise.all(
      jobs.map(async (j) => ({
        id: String(j.id),
        name: j.name,
        state: await j.getState(),
        progress: j.progress,
        failedReason: j.failedReason ?? null,
        finishedOn: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      })),
    );
    return { counts, schedulers, recent };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.scheduleCheck) clearInterval(this.scheduleCheck);
    this.unwatchDepth();
    await this.worker?.close();
    await this.queue.close();
    this.connection.disconnect();
  }
}
