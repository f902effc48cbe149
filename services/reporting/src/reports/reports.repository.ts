import { Injectable } from '@nestjs/common';
import { Language, Localized, ReportFormat, ReportKind } from '@ogp/contracts';
import { PROGRAMME_SCHEDULE_DEFAULTS } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { programmeSchedule as S } from '../read-models/programme-schedule';

export type ReportStatus = 'queued' | 'running' | 'done' | 'failed';

/** What a report was asked about. */
export type ReportParams = {
  planId?: string;
  cycleId?: string;
  language?: Language;
};

/** A row of `reports`. */
export interface ReportRow {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  params: ReportParams;
  status: ReportStatus;
  progress: number;
  size: number | null;
  error: string | null;
  content_type: string | null;
  file_name: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
  requeues: number;
}

/** A new report, as requested. */
export interface NewReport {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  params: ReportParams;
  contentType: string;
  fileName: string;
  createdBy: string;
}

/** A stored report's download facts: its state, type, name and how many chunks it has. */
export interface ReportFile {
  status: ReportStatus;
  content_type: string;
  file_name: string;
  chunks: number;
}

/** A report not yet finished, as the reconciler compares it with its job. */
export interface UnfinishedReport {
  id: string;
  status: 'queued' | 'running';
  requeues: number;
}

/** A commitment of the activities export, with how many live activities it has. */
export interface ExportCommitmentRow {
  id: string;
  plan_id: string;
  number: number;
  title: Localized;
  area_title: Localized | null;
  activities: number;
}

/** An activity of the activities export, with "today" in its programme's time zone. */
export interface ExportActivityRow {
  id: string;
  commitment_id: string;
  title: Localized | null;
  end_date: string;
  progress: number;
  today: string;
}

/** A commitment of a plan's report, with its programme's time zone. */
export interface PlanCommitmentRow {
  id: string;
  number: number;
  title: Localized;
  area_id: string;
  area_title: Localized | null;
  progress: number;
  completion_level: string;
  last_results: unknown;
  time_zone: string;
}

/** A live activity of a plan's report. */
export interface PlanActivityRow {
  commitment_id: string;
  title: Localized | null;
  end_date: string;
  progress: number;
}

/** Reports, their stored chunks, and what the reports read of the read models. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the transaction of the request (its idempotency key's). */
  async insert(m: EntityManager, report: NewReport): Promise<void> {
    await m.query(
      `INSERT INTO reports (id, kind, format, params, content_type, file_name, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        report.id,
        report.kind,
        report.format,
        JSON.stringify(report.params),
        report.contentType,
        report.fileName,
        report.createdBy,
      ],
    );
  }

  async findById(id: string): Promise<ReportRow | undefined> {
    const [row] = await this.dataSource.query<ReportRow[]>(`SELECT * FROM reports WHERE id = $1`, [id]);
    return row;
  }

  async count(): Promise<number> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM reports`);
    return total;
  }

  /** Newest first. */
  page(limit: number, offset: number): Promise<ReportRow[]> {
    return this.dataSource.query<ReportRow[]>(`SELECT * FROM reports ORDER BY created_at DESC LIMIT $1 OFFSET $2`, [
      limit,
      offset,
    ]);
  }

  /** Ends a report still queued or running, in the caller's transaction; undefined when it had ended. */
  async finish(
    manager: EntityManager,
    id: string,
    end: { status: 'done' | 'failed'; error: string | null; size: number | null },
  ): Promise<Pick<ReportRow, 'kind' | 'format' | 'created_by'> | undefined> {
    const [row] = await manager.query<Pick<ReportRow, 'kind' | 'format' | 'created_by'>[]>(
      `WITH ended AS (
         UPDATE reports SET status = $2, error = $3, size = coalesce($4, size), progress = CASE WHEN $2 = 'done' THEN 100 ELSE progress END,
                finished_at = now(), running_until = NULL
          WHERE id = $1 AND status IN ('queued', 'running') RETURNING kind, format, created_by)
       SELECT * FROM ended`,
      [id, end.status, end.error, end.size],
    );
    return row;
  }

  async file(id: string): Promise<ReportFile | undefined> {
    const [row] = await this.dataSource.query<ReportFile[]>(
      `SELECT status, content_type, file_name, (SELECT count(*)::int FROM report_chunks WHERE report_id = $1) AS chunks FROM reports WHERE id = $1`,
      [id],
    );
    return row;
  }

  async chunk(id: string, index: number): Promise<Buffer | undefined> {
    const [row] = await this.dataSource.query<{ data: Buffer }[]>(
      `SELECT data FROM report_chunks WHERE report_id = $1 AND idx = $2`,
      [id, index],
    );
    return row?.data;
  }

  async addChunk(id: string, index: number, data: Buffer): Promise<void> {
    await this.dataSource.query(`INSERT INTO report_chunks (report_id, idx, data) VALUES ($1, $2, $3)`, [
      id,
      index,
      data,
    ]);
  }

  async clearChunks(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM report_chunks WHERE report_id = $1`, [id]);
  }

  /** A worker takes a report waiting to run, with a lease of `leaseSeconds`; undefined when it is not waiting. */
  async claim(id: string, leaseSeconds: number): Promise<ReportRow | undefined> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = await this.dataSource.query<[ReportRow[], number]>(
      `UPDATE reports SET status = 'running', progress = 0, error = NULL, running_until = now() + make_interval(secs => $2)
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING *`,
      [id, leaseSeconds],
    );
    return rows[0];
  }

  async renewLease(id: string, leaseSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET running_until = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'running'`,
      [id, leaseSeconds],
    );
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE reports SET progress = $2 WHERE id = $1`, [id, progress]);
  }

  /** A failed attempt that another follows: the report waits for it. */
  async backToQueue(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET status = 'queued', error = $2, running_until = NULL WHERE id = $1 AND status = 'running'`,
      [id, error],
    );
  }

  /** Reports older than `graceSeconds` still queued, or running without a live lease: oldest first. */
  unfinished(graceSeconds: number, limit: number): Promise<UnfinishedReport[]> {
    return this.dataSource.query<UnfinishedReport[]>(
      `SELECT id, status, requeues FROM reports
        WHERE status IN ('queued', 'running') AND created_at < now() - make_interval(secs => $1)
          AND (status = 'queued' OR running_until IS NULL OR running_until < now())
        ORDER BY created_at LIMIT $2`,
      [graceSeconds, limit],
    );
  }

  /** Counts one more lost job and queues the report again, if nobody did since it was read; true when it did. */
  async requeue(report: UnfinishedReport): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH requeued AS (
         UPDATE reports SET requeues = requeues + 1, status = 'queued', progress = 0, running_until = NULL
          WHERE id = $1 AND requeues = $2 AND status IN ('queued', 'running') AND (status = 'queued' OR running_until IS NULL OR running_until < now())
         RETURNING id)
       SELECT id FROM requeued`,
      [report.id, report.requeues],
    );
    return rows.length > 0;
  }

  /** The programme a plan belongs to, from the commitments known of it. */
  async planProgramme(planId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ programme_id: string }[]>(
      `SELECT programme_id FROM rm_commitments WHERE plan_id = $1 LIMIT 1`,
      [planId],
    );
    return row?.programme_id;
  }

  /** The programme's time zone (its settings' copy, else the default): where its "today" is. */
  async programmeTimeZone(programmeId: string | null): Promise<string> {
    if (!programmeId) return PROGRAMME_SCHEDULE_DEFAULTS.timeZone;
    const [row] = await this.dataSource.query<{ time_zone: string | null }[]>(
      `SELECT time_zone FROM programme_settings WHERE programme_id = $1`,
      [programmeId],
    );
    return row?.time_zone ?? PROGRAMME_SCHEDULE_DEFAULTS.timeZone;
  }

  /** The export's commitments in the order people read a plan: by area (in the plan's order), number. */
  exportCommitments(planId: string | null): Promise<ExportCommitmentRow[]> {
    return this.dataSource.query<ExportCommitmentRow[]>(
      `SELECT c.id, c.plan_id, c.number, c.title, c.area_title, count(a.id)::int AS activities
         FROM rm_commitments c LEFT JOIN rm_activities a ON a.commitment_id = c.id AND NOT a.removed
        WHERE ($1::uuid IS NULL OR c.plan_id = $1)
        GROUP BY c.id ORDER BY c.plan_id, min(c.number) OVER (PARTITION BY c.plan_id, c.area_id), c.area_id, c.number, c.id`,
      [planId],
    );
  }

  /** The live activities of these commitments, in their order then by end date; `now` is the clock's instant. */
  exportActivities(commitmentIds: string[], now: Date): Promise<ExportActivityRow[]> {
    return this.dataSource.query<ExportActivityRow[]>(
      `SELECT a.id, a.commitment_id, a.title, a.end_date::text AS end_date, a.progress::float8 AS progress, ${S.today}::text AS today
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, pos) JOIN rm_activities a ON a.commitment_id = o.id AND NOT a.removed
         JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
        ORDER BY o.pos, a.end_date, a.id`,
      [now.toISOString(), commitmentIds],
    );
  }

  planCommitments(planId: string): Promise<PlanCommitmentRow[]> {
    return this.dataSource.query<PlanCommitmentRow[]>(
      `SELECT c.id, c.number, c.title, c.area_id, c.area_title, c.progress::float8 AS progress, c.completion_level, c.last_results, ${S.timeZone} AS time_zone
         FROM rm_commitments c ${S.join} WHERE c.plan_id = $1 ORDER BY c.number`,
      [planId],
    );
  }

  planActivities(planId: string): Promise<PlanActivityRow[]> {
    return this.dataSource.query<PlanActivityRow[]>(
      `SELECT a.commitment_id, a.title, a.end_date::text AS end_date, a.progress::float8 AS progress FROM rm_activities a
         JOIN rm_commitments c ON c.id = a.commitment_id WHERE c.plan_id = $1 AND NOT a.removed ORDER BY a.end_date, a.id`,
      [planId],
    );
  }
}
