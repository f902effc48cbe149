import { Injectable } from '@nestjs/common';
import { CompletionLevel, Localized } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

export interface SnapshotCommitmentRow {
  id: string;
  programme_id: string;
  plan_id: string;
  area_id: string;
  area_title: Localized;
  lead_institution_id: string;
  number: number;
  title: Localized;
  start_date: string;
  end_date: string;
  progress: number;
  completion_level: CompletionLevel;
  last_report_at: Date | null;
}

export interface SnapshotActivityRow {
  id: string;
  commitment_id: string;
  title: Localized;
  end_date: string;
  progress: number;
  status: string;
}

/** Commitments and their live activities, page by page in id order. */
@Injectable()
export class SnapshotRepository {
  commitmentsAfter(m: EntityManager, after: string | null, limit: number): Promise<SnapshotCommitmentRow[]> {
    return m.query<SnapshotCommitmentRow[]>(
      `SELECT c.id, pl.programme_id, c.plan_id, c.area_id, ar.title AS area_title, c.lead_institution_id, c.number, c.title,
              c.start_date::text AS start_date, c.end_date::text AS end_date, c.progress::float8 AS progress, c.completion_level, c.last_report_at
         FROM commitments c JOIN plans pl ON pl.id = c.plan_id JOIN areas ar ON ar.id = c.area_id
        WHERE ($1::uuid IS NULL OR c.id > $1::uuid) ORDER BY c.id LIMIT $2`,
      [after, limit],
    );
  }

  activitiesOf(m: EntityManager, commitmentIds: string[]): Promise<SnapshotActivityRow[]> {
    return m.query<SnapshotActivityRow[]>(
      `SELECT id, commitment_id, title, end_date::text AS end_date, progress::float8 AS progress, status FROM activities WHERE commitment_id = ANY($1::uuid[]) AND removed_at IS NULL`,
      [commitmentIds],
    );
  }
}
