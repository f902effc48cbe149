import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  CommitmentsEvents,
  CommitmentSnapshot,
  EventEnvelope,
  IdeaFateEvent,
  ParticipationEvents,
  PlanEvents,
  ProgrammeCreatedEvent,
  ProgrammeSettingsChangedEvent,
  SnapshotRpc,
} from '@ogp/contracts';
import { EventConsumers, NatsRpcClient } from '@ogp/messaging';
import { Clock, SERVICE_CONFIG } from '@ogp/runtime';
import { today } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { ReportingJobs } from '../jobs/job-name.constant';
import { JobRegistry } from '../jobs/job.registry';
import { ReportingConfig } from '../reporting.config';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The reporting service's own copies of other services' data, fed by their events (and rebuilt
 * from the commitments service's snapshot when needed). Handlers are upserts: replaying is safe.
 */
@Injectable()
export class ReadModelsService implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly dataSource: DataSource,
    private readonly rpc: NatsRpcClient,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    registry: JobRegistry,
  ) {
    registry.register(ReportingJobs.dashboardSnapshot, () => this.snapshot());
    registry.register(ReportingJobs.rebuildReadModels, () => this.rebuild());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      durable: 'reporting',
      filter: 'commitments.>',
      handle: (event, manager) => this.apply(event, manager),
    });
    await this.consumers.start({
      durable: 'reporting-participation',
      filter: 'participation.>',
      handle: (event, manager) => this.apply(event, manager),
    });
  }

  async apply(event: EventEnvelope, m: EntityManager): Promise<void> {
    const d = event.data as Data;
    switch (event.type) {
      case CommitmentsEvents.programmeCreated.type: {
        const data = event.data as ProgrammeCreatedEvent;
        await m.query(
          `INSERT INTO programme_read_model (programme_id, code, kind, name) VALUES ($1, $2, $3, $4)
           ON CONFLICT (programme_id) DO UPDATE SET code = EXCLUDED.code, kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()`,
          [data.programmeId, data.code, data.kind, JSON.stringify(data.name)],
        );
        return;
      }
      case CommitmentsEvents.programmeSettingsChanged.type:
        await this.upsertSettings(m, event.data as ProgrammeSettingsChangedEvent, 'newer');
        return;
      case PlanEvents.commitmentCreated.type:
        await this.upsertCommitment(m, {
          id: d.commitmentId,
          programmeId: d.programmeId,
          planId: d.planId,
          areaId: d.areaId,
          areaTitle: d.areaTitle,
          institutionId: d.leadInstitutionId,
          number: d.number,
          title: d.title,
          startDate: d.startDate,
          endDate: d.endDate,
          progress: 0,
          completionLevel: 'not_started',
          lastReportAt: null,
          activities: (d.activities ?? []).map((a: Data) => ({
            id: a.id,
            title: a.title,
            endDate: a.endDate,
            progress: 0,
            status: 'not_started',
          })),
        });
        return;
      case PlanEvents.commitmentUpdated.type:
        await m.query(`UPDATE rm_commitments SET title = $2, updated_at = now() WHERE id = $1`, [
          d.commitmentId,
          JSON.stringify(d.title),
        ]);
        return;
      case PlanEvents.activityAdded.type:
        await m.query(
          `INSERT INTO rm_activities (id, commitment_id, title, end_date) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
          [d.activityId, d.commitmentId, JSON.stringify(d.title ?? null), d.endDate],
        );
        return;
      case PlanEvents.activityRemoved.type:
        await m.query(`UPDATE rm_activities SET removed = true WHERE id = $1`, [d.activityId]);
        return;
      case PlanEvents.progressReported.type:
        await m.query(
          `INSERT INTO rm_progress_reports (id, commitment_id, activity_id, progress, reported_on, results) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
          [
            d.reportId,
            d.commitmentId,
            d.activityId,
            d.progress,
            d.reportedOn,
            d.results ? JSON.stringify(d.results) : null,
          ],
        );
        await m.query(`UPDATE rm_activities SET progress = $2 WHERE id = $1`, [d.activityId, d.progress]);
        await m.query(
          `UPDATE rm_commitments SET last_report_at = greatest(coalesce(last_report_at, $2::timestamptz), $2::timestamptz), last_results = coalesce($3::jsonb, last_results) WHERE id = $1`,
          [d.commitmentId, event.occurredAt, d.results ? JSON.stringify(d.results) : null],
        );
        return;
      case PlanEvents.progressChanged.type:
        await m.query(`UPDATE rm_commitments SET progress = $2, updated_at = now() WHERE id = $1`, [
          d.commitmentId,
          d.after,
        ]);
        return;
      case PlanEvents.completionLevelChanged.type:
        await m.query(`UPDATE rm_commitments SET completion_level = $2, updated_at = now() WHERE id = $1`, [
          d.commitmentId,
          d.after,
        ]);
        return;
      case ParticipationEvents.ideaFateChanged.type: {
        const data = event.data as IdeaFateEvent;
        await m.query(
          `INSERT INTO rm_ideas (id, cycle_id, author_id, status) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
          [data.ideaId, data.cycleId, data.authorId, data.status],
        );
        return;
      }
      case ParticipationEvents.registrationConfirmed.type:
      case ParticipationEvents.registrationCancelled.type:
        await m.query(
          `INSERT INTO rm_registrations (code, workshop_id, user_id, status) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status`,
          [
            d.code,
            d.workshopId,
            d.userId,
            event.type === ParticipationEvents.registrationConfirmed.type ? 'confirmed' : 'cancelled',
          ],
        );
        return;
      default:
        return;
    }
  }

  private async upsertCommitment(m: EntityManager, c: CommitmentSnapshot): Promise<void> {
    await m.query(
      `INSERT INTO rm_commitments (id, programme_id, plan_id, area_id, area_title, institution_id, number, title, start_date, end_date, progress, completion_level, last_report_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET programme_id = EXCLUDED.programme_id, plan_id = EXCLUDED.plan_id, area_id = EXCLUDED.area_id, area_title = EXCLUDED.area_title,
         institution_id = EXCLUDED.institution_id, number = EXCLUDED.number, title = EXCLUDED.title, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
         progress = EXCLUDED.progress, completion_level = EXCLUDED.completion_level, last_report_at = coalesce(EXCLUDED.last_report_at, rm_commitments.last_report_at), updated_at = now()`,
      [
        c.id,
        c.programmeId,
        c.planId,
        c.areaId,
        JSON.stringify(c.areaTitle ?? null),
        c.institutionId,
        c.number,
        JSON.stringify(c.title),
        c.startDate,
        c.endDate,
        c.progress,
        c.completionLevel,
        c.lastReportAt,
      ],
    );
    for (const a of c.activities) {
      await m.query(
        `INSERT INTO rm_activities (id, commitment_id, title, end_date, progress) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, end_date = EXCLUDED.end_date, progress = EXCLUDED.progress, removed = false`,
        [a.id, c.id, JSON.stringify(a.title ?? null), a.endDate, a.status === 'completed' ? 100 : a.progress],
      );
    }
  }

  /**
   * The owner's settings replace the copy when newer; a rebuild also takes them at the same
   * version, so a copy written before the commitments service owned the settings gives way.
   */
  private async upsertSettings(
    m: EntityManager,
    s: ProgrammeSettingsChangedEvent,
    when: 'newer' | 'not_older',
  ): Promise<void> {
    await m.query(
      `INSERT INTO programme_settings (programme_id, deadline_notice_days, escalation_days, reporting_period_days, time_zone, version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (programme_id) DO UPDATE SET deadline_notice_days = EXCLUDED.deadline_notice_days, escalation_days = EXCLUDED.escalation_days,
         reporting_period_days = EXCLUDED.reporting_period_days, time_zone = EXCLUDED.time_zone, version = EXCLUDED.version
       WHERE programme_settings.version ${when === 'newer' ? '<' : '<='} EXCLUDED.version`,
      [s.programmeId, s.deadlineNoticeDays, s.escalationDays, s.reportingPeriodDays, s.timeZone, s.version],
    );
  }

  /** Rebuilds commitments and activities, then the programmes' settings, from the owning service, page by page. */
  async rebuild(): Promise<{ commitments: number; activities: number }> {
    let after: string | undefined;
    let commitments = 0;
    let activities = 0;
    for (;;) {
      const page = await this.rpc.request(SnapshotRpc.commitments, { after, limit: 200 }, { timeoutMs: 30000 });
      if (page.length === 0) break;
      await this.dataSource.transaction(async (m) => {
        for (const c of page) {
          await this.upsertCommitment(m, c);
          await m.query(
            `UPDATE rm_activities SET removed = true WHERE commitment_id = $1 AND NOT (id = ANY($2::uuid[]))`,
            [c.id, c.activities.map((a) => a.id)],
          );
        }
      });
      commitments += page.length;
      activities += page.reduce((s, c) => s + c.activities.length, 0);
      after = page[page.length - 1].id;
    }
    for (let from: string | undefined; ;) {
      const page = await this.rpc.request(
        SnapshotRpc.programmeSettings,
        { after: from, limit: 200 },
        { timeoutMs: 30000 },
      );
      if (page.length === 0) break;
      await this.dataSource.transaction(async (m) => {
        for (const settings of page) await this.upsertSettings(m, settings, 'not_older');
      });
      from = page[page.length - 1].programmeId;
    }
    return { commitments, activities };
  }

  /** One row per day in the schedule's timezone; running it twice rewrites the same row. */
  async snapshot(): Promise<{ day: string; programmes: number }> {
    const [row] = await this.dataSource.query(
      `INSERT INTO dashboard_snapshots (day, programmes)
       SELECT $1::date, count(*)::int FROM programme_read_model
       ON CONFLICT (day) DO UPDATE SET programmes = EXCLUDED.programmes, taken_at = now()
       RETURNING day::text AS day, programmes`,
      [today(this.clock, this.config.SCHEDULE_TIMEZONE)],
    );
    return row;
  }
}
