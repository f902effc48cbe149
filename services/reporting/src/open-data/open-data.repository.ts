import { Injectable } from '@nestjs/common';
import { Localized } from '@ogp/contracts';
import { PROGRAMME_SCHEDULE_DEFAULTS } from '@ogp/tracking';
import { DataSource } from 'typeorm';
import { programmeSchedule as S } from '../read-models/programme-schedule';

/** A plan's commitment as open data publishes it (institution names are asked of their owner). */
export interface OpenCommitmentRow {
  id: string;
  number: number;
  area: Localized | null;
  title: Localized;
  institutionId: string;
  startDate: string | null;
  endDate: string | null;
  progress: number;
  completionLevel: string;
  activities: number;
  results: Localized | null;
}

export interface OpenActivityRow {
  commitmentNumber: number;
  commitment: Localized;
  activity: Localized | null;
  endDate: string;
  progress: number;
  status: 'completed' | 'overdue' | 'in_progress' | 'not_started';
}

export interface StoredFileHead {
  version: string;
  contentType: string;
  fileName: string;
  size: number;
  updatedAt: Date;
}

/** At most this many rows per file: a plan of 100,000 activities still fits. */
export const MAX_OPEN_DATA_ROWS = 100_000;
const PAGE = 2000;

/** Open data read from the reporting service's copies of plans, and the files generated from them. */
@Injectable()
export class OpenDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A digest of every commitment and activity of the plan as the files show them, and the last change. */
  async planVersion(
    planId: string,
  ): Promise<{ version: string; updatedAt: Date | null; rows: number; timeZone: string }> {
    const [row] = await this.dataSource.query<
      { version: string; updated_at: Date | null; rows: number; time_zone: string }[]
    >(
      `SELECT md5(coalesce((SELECT string_agg(concat_ws('|', c.id, c.number, c.area_title, c.title, c.institution_id, c.start_date, c.end_date, c.progress, c.completion_level, c.last_results), ',' ORDER BY c.id)
                              FROM rm_commitments c WHERE c.plan_id = $1), '')
                || coalesce((SELECT string_agg(concat_ws('|', a.id, a.title, a.end_date, a.progress), ',' ORDER BY a.id)
                              FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id WHERE c.plan_id = $1 AND NOT a.removed), '')) AS version,
              (SELECT max(updated_at) FROM rm_commitments WHERE plan_id = $1) AS updated_at,
              (SELECT count(*)::int FROM rm_commitments WHERE plan_id = $1) AS rows,
              coalesce((SELECT ${S.timeZone} FROM rm_commitments c ${S.join} WHERE c.plan_id = $1 LIMIT 1), '${PROGRAMME_SCHEDULE_DEFAULTS.timeZone}') AS time_zone`,
      [planId],
    );
    return { version: row.version, updatedAt: row.updated_at, rows: row.rows, timeZone: row.time_zone };
  }

  async commitments(planId: string): Promise<OpenCommitmentRow[]> {
    return this.dataSource.query<OpenCommitmentRow[]>(
      `SELECT c.id, c.number, c.area_title AS area, c.title, c.institution_id AS "institutionId", c.start_date::text AS "startDate", c.end_date::text AS "endDate",
              c.progress::float8 AS progress, c.completion_level AS "completionLevel", c.last_results AS results,
              (SELECT count(*)::int FROM rm_activities a WHERE a.commitment_id = c.id AND NOT a.removed) AS activities
         FROM rm_commitments c WHERE c.plan_id = $1 ORDER BY c.number, c.id LIMIT ${MAX_OPEN_DATA_ROWS}`,
      [planId],
    );
  }

  /** The plan's live activities by commitment then deadline, a page at a time; status as of `now` in each programme's time zone. */
  async *activities(planId: string, now: Date): AsyncGenerator<OpenActivityRow> {
    for (let offset = 0; offset < MAX_OPEN_DATA_ROWS; offset += PAGE) {
      const rows = await this.dataSource.query<OpenActivityRow[]>(
        `SELECT c.number AS "commitmentNumber", c.title AS commitment, a.title AS activity, a.end_date::text AS "endDate", a.progress::float8 AS progress,
                CASE WHEN ${S.activityCompleted} THEN 'completed' WHEN ${S.activityOverdue} THEN 'overdue' WHEN a.progress > 0 THEN 'in_progress' ELSE 'not_started' END AS status
           FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
          WHERE c.plan_id = $2 AND NOT a.removed
          ORDER BY c.number, a.end_date, a.id LIMIT ${Math.min(PAGE, MAX_OPEN_DATA_ROWS - offset)} OFFSET ${offset}`,
        [now, planId],
      );
      yield* rows;
      if (rows.length < PAGE) return;
    }
  }

  /** The plans the read models know, most recently changed first. */
  async plans(limit: number): Promise<{ planId: string; updatedAt: Date }[]> {
    return this.dataSource.query<{ planId: string; updatedAt: Date }[]>(
      `SELECT plan_id AS "planId", max(updated_at) AS "updatedAt" FROM rm_commitments GROUP BY plan_id ORDER BY max(updated_at) DESC, plan_id LIMIT $1`,
      [limit],
    );
  }

  async head(key: string): Promise<StoredFileHead | null> {
    const [row] = await this.dataSource.query<StoredFileHead[]>(
      `SELECT version, content_type AS "contentType", file_name AS "fileName", size, updated_at AS "updatedAt" FROM open_data_files WHERE key = $1`,
      [key],
    );
    return row ?? null;
  }

  async store(key: string, file: Omit<StoredFileHead, 'size'>, data: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO open_data_files (key, version, content_type, file_name, size, data, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, content_type = EXCLUDED.content_type, file_name = EXCLUDED.file_name,
         size = EXCLUDED.size, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at, generated_at = now()`,
      [key, file.version, file.contentType, file.fileName, data.length, data, file.updatedAt],
    );
  }

  /** A slice of the file at this version, or null once another version replaced it. */
  async slice(
    key: string,
    version: string,
    from: number,
    length: number,
  ): Promise<{ data: Buffer; size: number } | null> {
    const [row] = await this.dataSource.query<{ data: Buffer; size: number }[]>(
      `SELECT substring(data FROM $3 FOR $4) AS data, size FROM open_data_files WHERE key = $1 AND version = $2`,
      [key, version, from + 1, length],
    );
    return row ?? null;
  }
}
