import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EventDispatcher } from '../dispatch/event-dispatcher';
import { NotificationsConfig } from '../notifications.config';
import { FollowsRepository } from './follows.repository';

/**
 * Phases follow the calendar (nobody switches them, so no event says one opened): every
 * PHASE_CHECK_SECONDS the phases of followed cycles that have opened are claimed and announced
 * in one transaction; the claim is a unique row, so replicas and repeated checks announce once.
 */
@Injectable()
export class PhaseAnnouncer implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly follows: FollowsRepository,
    private readonly dispatcher: EventDispatcher,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.announce().catch((err: Error) =>
        this.logger.warn({ err: err.message }, 'announcing opened phases failed'),
      );
    }, this.config.PHASE_CHECK_SECONDS * 1000);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async announce(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const opened = await this.follows.claimOpenedPhases(m, this.clock.now());
      for (const p of opened)
        await this.dispatcher.phaseOpened(m, {
          cycleId: p.cycle_id,
          kind: p.kind,
          opensAt: p.opens_at,
          closesAt: p.closes_at,
          title: p.title,
        });
      if (opened.length > 0) this.logger.info({ phases: opened.length }, 'opened phases announced to followers');
      return opened.length;
    });
  }
}
