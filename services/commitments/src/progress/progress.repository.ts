import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ActivityStatus, Localized, ProgressReportView } from '@ogp/contracts';
import { queryWithCommit } from '@ogp/persistence';
import { EntityManager } from 'typeorm';
import { OpeningRead } from '../commitments/commitments.repository';
import { journalCtes, JournalRows } from '../history/change-history.repository';
import { CheckedEvidence } from './evidence-file';
import { inputSelect, StrategyReadings } from './rollup.repository';

/** The reported activity as it was, and the strategy's readings with the report applied (reportOpening). */
export interface ReportedActivityRow extends StrategyReadings {
  id: string;
  title: Localized;
  progress: number;
  status: ActivityStatus;
}

export interface NewProgressReport {
  id: string;
  commitmentId: string;
  activityId: string;
  progress: number;
  reportedOn: string;
  results: Localized | null;
  evidence: unknown[];
  reportedBy: string;
}

export interface EvidenceFileContent {
  name: string;
  type: string;
  content: string;
}

/** Progress reports, their evidence files, and the progress they set on an activity. */
@Injectable()
export class ProgressRepository {
  /**
   * The reported activity of a commitment as it is, and what the commitment's strategy computes from
   * once the report is stored (the activity with its reported progress and status), read in the round
   * trip that locks the commitment (an OpeningRead): no row when the commitment has no such activity.
   */
  reportOpening(commitmentId: string, activityId: string, progress: number, status: ActivityStatus): OpeningRead {
    return (literal) => {
      const [commitment, activity] = [`${literal(commitmentId)}::uuid`, `${literal(activityId)}::uuid`];
      return `SELECT a.id, a.title, a.progress::float8 AS progress, a.status, r.activities, r.indicators
                FROM activities a,
                     (${inputSelect(commitment, { id: activity, progress: literal(String(progress)), status: literal(status) })}) r
               WHERE a.id = ${activity} AND a.commitment_id = ${commitment} AND a.removed_at IS NULL`;
    };
  }

  /**
   * One statement, left for the commit (see queryWithCommit): the report, the activity's new
   * progress, the commitment's last-report date and new version, and the change's history entry and
   * event.
   */
  async recordReport(
    m: EntityManager,
    r: NewProgressReport,
    status: ActivityStatus,
    journal: JournalRows,
  ): Promise<void> {
    const rows = journalCtes(10, journal);
    await queryWithCommit(
      m,
      'progress_record_report',
      `WITH report AS (
         INSERT INTO progress_reports (id, commitment_id, activity_id, progress, reported_on, results, evidence, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ), activity AS (
         UPDATE activities SET progress = $4, status = $9 WHERE id = $3
       ), commitment AS (
         UPDATE commitments SET last_report_at = now(), version = version + 1, updated_at = now() WHERE id = $2
       ), ${rows.sql}
       SELECT 1`,
      [
        r.id,
        r.commitmentId,
        r.activityId,
        r.progress,
        r.reportedOn,
        r.results ? JSON.stringify(r.results) : null,
        JSON.stringify(r.evidence),
        r.reportedBy,
        status,
        ...rows.params,
      ],
    );
  }

  /** Stores a checked file of a report; returns its id. */
  async insertEvidenceFile(m: EntityManager, reportId: string, file: CheckedEvidence): Promise<string> {
    const id = randomUUID();
    await m.query(
      `INSERT INTO evidence_files (id, report_id, name, type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, reportId, file.name, file.type, file.size, file.sha256, file.bytes],
    );
    return id;
  }

  async appendEvidence(m: EntityManager, reportId: string, entries: unknown[]): Promise<void> {
    await m.query(`UPDATE progress_reports SET evidence = evidence || $2::jsonb WHERE id = $1`, [
      reportId,
      JSON.stringify(entries),
    ]);
  }

  async countOf(m: EntityManager, commitmentId: string): Promise<number> {
    const [{ total }] = await m.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM progress_reports WHERE commitment_id = $1`,
      [commitmentId],
    );
    return total;
  }

  /** Newest first. */
  pageOf(m: EntityManager, commitmentId: string, limit: number, offset: number): Promise<ProgressReportView[]> {
    return m.query<ProgressReportView[]>(
      `SELECT id, activity_id AS "activityId", progress::float8 AS progress, reported_on::text AS "reportedOn", results, evidence, reported_by AS "reportedBy", created_at AS "createdAt"
         FROM progress_reports WHERE commitment_id = $1 ORDER BY seq DESC LIMIT $2 OFFSET $3`,
      [commitmentId, limit, offset],
    );
  }

  async evidenceFile(m: EntityManager, id: string): Promise<EvidenceFileContent | undefined> {
    const [file] = await m.query<EvidenceFileContent[]>(
      `SELECT name, type, encode(content, 'base64') AS content FROM evidence_files WHERE id = $1`,
      [id],
    );
    return file;
  }
}
