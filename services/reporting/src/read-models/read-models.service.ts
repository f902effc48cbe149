import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommitmentsEvents, CommitmentsRpc, ParticipationEvents } from '@ogp/contracts';
import { EventConsumers, EventHandlerRegistry, NatsRpcClient } from '@ogp/messaging';
import { Clock, SERVICE_CONFIG } from '@ogp/runtime';
import { today } from '@ogp/tracking';
import { DataSource } from 'typeorm';
import { ReportingJobs } from '../jobs/job-name.constant';
import { JobRegistry } from '../jobs/job.registry';
import { ReportingConfig } from '../reporting.config';
import { commitmentFromCreated, snapshotCopy } from './commitment-copy';
import { ReadModelsRepository } from './read-models.repository';

/**
 * The reporting service's own copies of other services' data, fed by their events (and rebuilt
 * from the commitments service's snapshot when needed). Handlers are upserts: replaying is safe.
 */
@Injectable()
export class ReadModelsService implements OnApplicationBootstrap {
  /** Events of the commitments service (durable `reporting`, subjects `commitments.>`). */
  readonly commitmentsEvents = new EventHandlerRegistry('reporting');
  /** Events of the participation service (durable `reporting-participation`, subjects `participation.>`). */
  readonly participationEvents = new EventHandlerRegistry('reporting-participation');

  constructor(
    private readonly consumers: EventConsumers,
    private readonly dataSource: DataSource,
    private readonly rpc: NatsRpcClient,
    private readonly clock: Clock,
    private readonly readModels: ReadModelsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    registry: JobRegistry,
  ) {
    registry.register(ReportingJobs.dashboardSnapshot, () => this.snapshot());
    registry.register(ReportingJobs.rebuildReadModels, () => this.rebuild());
    const rm = this.readModels;
    this.commitmentsEvents
      .on(CommitmentsEvents.programmeCreated, ({ data }, m) => rm.upsertProgramme(m, data))
      .on(CommitmentsEvents.programmeSettingsChanged, ({ data }, m) => rm.upsertSettings(m, data, 'newer'))
      .on(CommitmentsEvents.commitmentCreated, ({ data }, m) => rm.upsertCommitment(m, commitmentFromCreated(data)))
      .on(CommitmentsEvents.commitmentUpdated, ({ data }, m) => rm.renameCommitment(m, data.commitmentId, data.title))
      .on(CommitmentsEvents.activityAdded, ({ data }, m) => rm.addActivity(m, data))
      .on(CommitmentsEvents.activityRemoved, ({ data }, m) => rm.removeActivity(m, data.activityId))
      // The events every progress report brings, in batch form (one statement per kind for a batch).
      // They commute: reports write the reports, activities and last report of commitments; the
      // other two each write their own column of commitments.
      .onBatch(CommitmentsEvents.progressReported, (events, m) =>
        rm.recordProgressReports(
          m,
          events.map((e) => ({ report: e.data, occurredAt: e.occurredAt })),
        ),
      )
      .onBatch(CommitmentsEvents.progressChanged, (events, m) =>
        rm.setCommitmentColumn(
          m,
          'progress',
          events.map(({ data }) => ({ commitmentId: data.commitmentId, value: data.after })),
        ),
      )
      .onBatch(CommitmentsEvents.completionLevelChanged, (events, m) =>
        rm.setCommitmentColumn(
          m,
          'completion_level',
          events.map(({ data }) => ({ commitmentId: data.commitmentId, value: data.after })),
        ),
      );
    this.participationEvents
      .on(ParticipationEvents.ideaFateChanged, ({ data }, m) => rm.upsertIdea(m, data))
      .on(ParticipationEvents.registrationConfirmed, ({ data }, m) =>
        rm.upsertRegistration(m, { ...data, status: 'confirmed' }),
      )
      .on(ParticipationEvents.registrationCancelled, ({ data }, m) =>
        rm.upsertRegistration(m, { ...data, status: 'cancelled' }),
      );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      durable: this.commitmentsEvents.consumer,
      filter: 'commitments.>',
      handle: this.commitmentsEvents.handle,
      handleBatch: this.commitmentsEvents.handleBatch,
    });
    await this.consumers.start({
      durable: this.participationEvents.consumer,
      filter: 'participation.>',
      handle: this.participationEvents.handle,
    });
  }

  /** Rebuilds commitments and activities, then the programmes' settings, from the owning service, page by page. */
  async rebuild(): Promise<{ commitments: number; activities: number }> {
    let after: string | undefined;
    let commitments = 0;
    let activities = 0;
    for (;;) {
      const page = await this.rpc.request(
        CommitmentsRpc.snapshotCommitments,
        { after, limit: 200 },
        { timeoutMs: 30000 },
      );
      if (page.length === 0) break;
      await this.dataSource.transaction(async (m) => {
        for (const c of page) {
          await this.readModels.upsertCommitment(m, snapshotCopy(c));
          await this.readModels.removeActivitiesExcept(
            m,
            c.id,
            c.activities.map((a) => a.id),
          );
        }
      });
      commitments += page.length;
      activities += page.reduce((s, c) => s + c.activities.length, 0);
      after = page[page.length - 1].id;
    }
    for (let from: string | undefined; ;) {
      const page = await this.rpc.request(
        CommitmentsRpc.snapshotProgrammeSettings,
        { after: from, limit: 200 },
        { timeoutMs: 30000 },
      );
      if (page.length === 0) break;
      await this.dataSource.transaction(async (m) => {
        for (const settings of page) await this.readModels.upsertSettings(m, settings, 'not_older');
      });
      from = page[page.length - 1].programmeId;
    }
    return { commitments, activities };
  }

  /** One row per day in the schedule's timezone; running it twice rewrites the same row. */
  snapshot(): Promise<{ day: string; programmes: number }> {
    return this.readModels.takeDashboardSnapshot(
      this.dataSource.manager,
      today(this.clock, this.config.SCHEDULE_TIMEZONE),
    );
  }
}
