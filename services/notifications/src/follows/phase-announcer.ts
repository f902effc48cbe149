import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { EventEnvelope } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { localizedValues as v } from '../dispatch/localized-values';
import { Notifier } from '../dispatch/notifier';
import { PortalPaths } from '../dispatch/portal-paths.constant';
import { stableUuid } from '../dispatch/stable-uuid';
import { phaseLabel } from '../labels/phase-labels.constant';
import { NotificationsConfig } from '../notifications.config';
import { PeriodicTask } from '../periodic-task';
import { FollowsRepository, OpenedPhase } from './follows.repository';

/**
 * Phases follow the calendar (nobody switches them, so no event says one opened): every
 * PHASE_CHECK_SECONDS the phases of followed cycles that have opened are claimed and announced
 * in one transaction; the claim is a unique row, so replicas and repeated checks announce once.
 */
@Injectable()
export class PhaseAnnouncer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly checks: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly follows: FollowsRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.checks = new PeriodicTask(
      config.PHASE_CHECK_SECONDS * 1000,
      () => this.announce(),
      (err) => logger.warn({ err: err.message }, 'announcing opened phases failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.checks.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.checks.stop();
  }

  async announce(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const opened = await this.follows.claimOpenedPhases(m, this.clock.now());
      for (const phase of opened) await this.phaseOpened(m, phase);
      if (opened.length > 0) this.logger.info({ phases: opened.length }, 'opened phases announced to followers');
      return opened.length;
    });
  }

  /** A phase of a followed cycle opened: its followers (since before it opened) are told, once. */
  private async phaseOpened(manager: EntityManager, phase: OpenedPhase): Promise<void> {
    const type = 'participation.cycle.phase-opened';
    const event: EventEnvelope = {
      id: stableUuid(`phase:${phase.cycleId}:${phase.kind}:${phase.opensAt.toISOString()}`),
      type,
      occurredAt: phase.opensAt.toISOString(),
      source: 'notifications',
      aggregate: { type: 'cycle', id: phase.cycleId },
      data: phase,
    };
    const followers = await this.follows.followers(manager, 'cycle', phase.cycleId, phase.opensAt);
    await this.notifier.notify(
      manager,
      event,
      type,
      followers,
      (l) => ({
        phase: phaseLabel(phase.kind, l),
        title: v.text(phase.title, l),
        closesAt: v.instant(phase.closesAt, l, this.config.DISPLAY_TIMEZONE),
      }),
      { path: PortalPaths.cycle(phase.cycleId) },
    );
  }
}
