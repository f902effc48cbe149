import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { stableUuid } from '../dispatch/stable-uuid';
import { EmailQueueRepository } from '../email/email-queue.repository';
import { NotificationsConfig } from '../notifications.config';
import { PeriodicTask } from '../periodic-task';
import { alertBatchEmail } from './alert-batch-email';
import { AlertBatchesRepository } from './alert-batches.repository';

/**
 * Gathers the e-mails of the alerts of one sweep run, per person, into one e-mail listing them by
 * kind. Each alert event counts itself in (inside the consumer's transaction, so once); the one
 * that completes the sweep sends the gathered e-mails. Alerts whose sweep never completes (an
 * event parked in dead letters) go out after ALERT_BATCH_WAIT_SECONDS; later ones go alone.
 */
@Injectable()
export class AlertBatchesService implements OnApplicationBootstrap, OnModuleDestroy {
  /** Sweeps that never complete (an alert parked in dead letters) are looked for every 5 s. */
  private readonly staleChecks: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly batches: AlertBatchesRepository,
    private readonly emails: EmailQueueRepository,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.staleChecks = new PeriodicTask(
      5000,
      () => this.flushStale(),
      (err) => logger.warn({ err: err.message }, 'flushing waiting alert e-mails failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.staleChecks.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.staleChecks.stop();
  }

  /** Counts one alert of the sweep in and locks the sweep; false when it already went out (send alone). */
  join(manager: EntityManager, sweep: { id: string; size: number }): Promise<boolean> {
    return this.batches.join(manager, sweep);
  }

  /** After the alert's e-mails are queued: the last alert of the sweep sends the gathered e-mails. */
  async completeIfLast(manager: EntityManager, sweepId: string): Promise<void> {
    if (await this.batches.complete(manager, sweepId)) await this.flush(manager, sweepId);
  }

  async flushStale(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const stale = await this.batches.lockStale(m, this.config.ALERT_BATCH_WAIT_SECONDS);
      for (const sweepId of stale) await this.flush(m, sweepId);
      if (stale.length > 0)
        this.logger.warn({ sweeps: stale.length }, 'alert e-mails sent before their sweep was complete');
      return stale.length;
    });
  }

  private async flush(manager: EntityManager, sweepId: string): Promise<void> {
    for (const w of await this.batches.waiting(manager, sweepId)) {
      if (w.ids.length === 1) {
        await this.batches.release(manager, w.ids[0]);
        continue;
      }
      const { subject, body } = alertBatchEmail(w.language, w.kinds, w.lines);
      await this.emails.queue(manager, {
        id: randomUUID(),
        // A stable id per (sweep, person): the gathered e-mail is queued once however often a flush runs.
        notificationId: stableUuid(`sweep:${sweepId}:${w.recipientId}`),
        recipientId: w.recipientId,
        toAddress: w.toAddress,
        subject,
        body,
        status: 'pending',
        language: w.language,
      });
      await this.batches.markGrouped(manager, w.ids);
    }
    await this.batches.markFlushed(manager, sweepId);
  }
}
