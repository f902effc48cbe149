import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { ReportingConfig } from '../reporting.config';
import { SchedulerService } from '../jobs/scheduler.service';

/** A report whose job was lost this often is failed instead of queued again. */
export const MAX_REPORT_REQUEUES = 3;

/** A reconciliation pass taking longer than this is abandoned (the next tick starts afresh). */
const PASS_TIMEOUT_MS = 20_000;

/** A report just requested is left to its request for this long before it is compared with its job. */
const GRACE_SECONDS = 5;

/**
 * Redis holds no truth: the reports table does. Every REPORT_RECONCILE_INTERVAL_MS (and when Redis
 * comes back) each report still queued, or running without a live worker's lease, is compared with
 * its BullMQ job. A job Redis lost (a wipe, a restart, a request made while Redis was away) is
 * queued again; after MAX_REPORT_REQUEUES losses, or if the job failed without the report being
 * told, the report is failed with its reason. Its requester hears of the end either way
 * (ReportsService.finish writes the event).
 */
@Injectable()
export class ReportReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: ReportsRepository,
    private readonly scheduler: SchedulerService,
    private readonly reports: ReportsService,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.REPORT_RECONCILE_INTERVAL_MS);
    this.timer.unref();
    this.scheduler.onRedisReady(() => this.tick());
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass at a time; a pass stuck on a server that went away is abandoned after PASS_TIMEOUT_MS, so the next one runs. */
  private tick(): void {
    this.running = this.running.then(() => {
      let timer: NodeJS.Timeout | undefined;
      const stuck = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('reconciliation pass timed out')), PASS_TIMEOUT_MS)),
      );
      return Promise.race([this.reconcile(), stuck])
        .catch((err: Error) =>
          this.logger.warn({ err: err.message }, 'reports could not be reconciled with their jobs'),
        )
        .finally(() => clearTimeout(timer));
    });
  }

  async reconcile(): Promise<{ requeued: number; failed: number }> {
    const result = { requeued: 0, failed: 0 };
    // Without Redis there is nothing to compare with; the next tick (or the reconnect) will.
    if (!this.scheduler.redisReady()) return result;
    const rows = await this.repository.unfinished(GRACE_SECONDS, 200);
    for (const row of rows) {
      const job = await this.scheduler.queue.getJob(`report-${row.id}`);
      const state = job ? await job.getState() : 'missing';
      this.logger.debug({ reportId: row.id, status: row.status, job: state }, 'report compared with its job');
      if (['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'].includes(state)) continue;
      if (state === 'failed') {
        if (await this.reports.finish(row.id, 'failed', job?.failedReason || 'its job failed')) result.failed += 1;
        continue;
      }
      // Missing (or finished without the report knowing): Redis lost it.
      if (row.requeues >= MAX_REPORT_REQUEUES) {
        if (
          await this.reports.finish(
            row.id,
            'failed',
            `its job was lost ${row.requeues + 1} times (Redis); request it again`,
          )
        )
          result.failed += 1;
        continue;
      }
      if (job) await job.remove().catch(() => undefined);
      if ((await this.repository.requeue(row)) && (await this.reports.enqueue(row.id))) result.requeued += 1;
    }
    if (result.requeued + result.failed > 0)
      this.logger.warn(result, 'reports whose job Redis lost: queued again or failed');
    return result;
  }
}
