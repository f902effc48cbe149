import { Injectable } from '@nestjs/common';
import {
  CommitmentSnapshot,
  IdeaFateEvent,
  Localized,
  ProgrammeCreatedEvent,
  ProgrammeSettingsChangedEvent,
  ProgressReportedEvent,
} from '@ogp/contracts';
import { EntityManager } from 'typeorm';

/** A read model's registration of a workshop seat, as the participation service last announced it. */
export interface RegistrationCopy {
  code: string;
  workshopId: string;
  userId: string;
  status: 'confirmed' | 'cancelled';
}

const json = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * The reporting service's copies of other services' data (programme_read_model, programme_settings,
 * rm_*): every write is an upsert or a conditional update, so replaying an event is safe. Each
 * method runs in the caller's transaction (the consumer's, or a rebuild page's).
 */
@Injectable()
export class ReadModelsRepository {
  async upsertProgramme(m: EntityManager, p: ProgrammeCreatedEvent): Promise<void> {
    await m.query(
      `INSERT INTO programme_read_model (programme_id, code, kind, name) VALUES ($1, $2, $3, $4)
           ON CONFLICT (programme_id) DO UPDATE SET code = EXCLUDED.code, kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()`,
      [p.programmeId, p.code, p.kind, JSON.stringify(p.name)],
    );
  }

  /**
   * The owner's settings replace the copy when newer ('newer'); a rebuild also takes them at the
   * same version ('not_older'), so a copy written before the commitments service owned them gives way.
   */
  async upsertSettings(m: EntityManager, s: ProgrammeSettingsChangedEvent, when: 'newer' | 'not_older'): Promise<void> {
    await m.query(
      `INSERT INTO programme_settings (programme_id, deadline_notice_days, escalation_days, reporting_period_days, time_zone, version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (programme_id) DO UPDATE SET deadline_notice_days = EXCLUDED.deadline_notice_days, escalation_days = EXCLUDED.escalation_days,
         reporting_period_days = EXCLUDED.reporting_period_days, time_zone = EXCLUDED.time_zone, version = EXCLUDED.version
       WHERE programme_settings.version ${when === 'newer' ? '<' : '<='} EXCLUDED.version`,
      [s.programmeId, s.deadlineNoticeDays, s.escalationDays, s.reportingPeriodDays, s.timeZone, s.version],
    );
  }

  /** The commitment and its activities as given (an activity given again is no longer removed); the last report date only moves forward. */
  async upsertCommitment(m: EntityManager, c: CommitmentSnapshot): Promise<void> {
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
        json(c.areaTitle),
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
        [a.id, c.id, json(a.title), a.endDate, a.progress],
      );
    }
  }

  /** The commitment's activities not in `keptIds` are marked removed (a rebuild's snapshot no longer has them). */
  async removeActivitiesExcept(m: EntityManager, commitmentId: string, keptIds: string[]): Promise<void> {
    await m.query(`UPDATE rm_activities SET removed = true WHERE commitment_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
      commitmentId,
      keptIds,
    ]);
  }

  async renameCommitment(m: EntityManager, commitmentId: string, title: Localized): Promise<void> {
    await m.query(`UPDATE rm_commitments SET title = $2, updated_at = now() WHERE id = $1`, [
      commitmentId,
      JSON.stringify(title),
    ]);
  }

  /** An activity added after the commitment: kept as first announced when announced again. */
  async addActivity(
    m: EntityManager,
    a: { activityId: string; commitmentId: string; title: Localized | null; endDate: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO rm_activities (id, commitment_id, title, end_date) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [a.activityId, a.commitmentId, json(a.title), a.endDate],
    );
  }

  async removeActivity(m: EntityManager, activityId: string): Promise<void> {
    await m.query(`UPDATE rm_activities SET removed = true WHERE id = $1`, [activityId]);
  }

  /**
   * Progress reports in the order they were made, in one statement, with the effect of recording
   * them one by one: each report kept once, each activity at its last report's progress, each
   * commitment's last report time moved forward only (a report arriving late does not move it back)
   * and its last results the last ones given.
   */
  async recordProgressReports(
    m: EntityManager,
    reports: readonly { report: ProgressReportedEvent; occurredAt: string }[],
  ): Promise<void> {
    const column = <T>(pick: (r: ProgressReportedEvent, occurredAt: string) => T) =>
      reports.map(({ report, occurredAt }) => pick(report, occurredAt));
    await m.query(
      `WITH e AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::numeric[], $5::date[], $6::jsonb[], $7::timestamptz[])
                WITH ORDINALITY AS e(id, commitment_id, activity_id, progress, reported_on, results, occurred_at, ord)
       ), kept AS (
         INSERT INTO rm_progress_reports (id, commitment_id, activity_id, progress, reported_on, results)
         SELECT id, commitment_id, activity_id, progress, reported_on, results FROM e ORDER BY ord
         ON CONFLICT (id) DO NOTHING
       ), activities AS (
         UPDATE rm_activities a SET progress = last.progress
           FROM (SELECT DISTINCT ON (activity_id) activity_id, progress FROM e ORDER BY activity_id, ord DESC) last
          WHERE a.id = last.activity_id
       )
       UPDATE rm_commitments c
          SET last_report_at = greatest(coalesce(c.last_report_at, s.at), s.at),
              last_results = coalesce(s.results, c.last_results)
         FROM (SELECT commitment_id, max(occurred_at) AS at,
                      (array_agg(results ORDER BY ord DESC) FILTER (WHERE results IS NOT NULL))[1] AS results
                 FROM e GROUP BY commitment_id) s
        WHERE c.id = s.commitment_id`,
      [
        column((r) => r.reportId),
        column((r) => r.commitmentId),
        column((r) => r.activityId),
        column((r) => r.progress),
        column((r) => r.reportedOn),
        column((r) => (r.results ? JSON.stringify(r.results) : null)),
        column((_r, occurredAt) => occurredAt),
      ],
    );
  }

  /** Changes of one column of commitments, in order, in one statement: each commitment takes its last value. */
  async setCommitmentColumn(
    m: EntityManager,
    column: 'progress' | 'completion_level',
    changes: readonly { commitmentId: string; value: number | string }[],
  ): Promise<void> {
    const type = column === 'progress' ? 'numeric' : 'text';
    await m.query(
      `UPDATE rm_commitments c SET ${column} = s.value, updated_at = now()
         FROM (SELECT DISTINCT ON (commitment_id) commitment_id, value
                 FROM unnest($1::uuid[], $2::${type}[]) WITH ORDINALITY AS e(commitment_id, value, ord)
                ORDER BY commitment_id, ord DESC) s
        WHERE c.id = s.commitment_id`,
      [changes.map((c) => c.commitmentId), changes.map((c) => c.value)],
    );
  }

  async upsertIdea(m: EntityManager, idea: IdeaFateEvent): Promise<void> {
    await m.query(
      `INSERT INTO rm_ideas (id, cycle_id, author_id, status) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      [idea.ideaId, idea.cycleId, idea.authorId, idea.status],
    );
  }

  async upsertRegistration(m: EntityManager, r: RegistrationCopy): Promise<void> {
    await m.query(
      `INSERT INTO rm_registrations (code, workshop_id, user_id, status) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status`,
      [r.code, r.workshopId, r.userId, r.status],
    );
  }

  /** Today's count of programmes (one row per day: taking it again rewrites the row). */
  async takeDashboardSnapshot(m: EntityManager, day: string): Promise<{ day: string; programmes: number }> {
    const [row] = await m.query<{ day: string; programmes: number }[]>(
      `INSERT INTO dashboard_snapshots (day, programmes)
       SELECT $1::date, count(*)::int FROM programme_read_model
       ON CONFLICT (day) DO UPDATE SET programmes = EXCLUDED.programmes, taken_at = now()
       RETURNING day::text AS day, programmes`,
      [day],
    );
    return row;
  }
}
