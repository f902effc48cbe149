import { Injectable } from '@nestjs/common';
import { CompletionLevel, TrackingInput } from '@ogp/contracts';
import { preparedQuery, queryWithCommit } from '@ogp/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { journalCtes, JournalRows } from '../history/change-history.repository';

export interface AppliedProgress {
  progress: number;
  completionLevel: CompletionLevel;
  explanation: string | null;
}

/** What a strategy computes from, read from the database. */
export type StrategyReadings = Pick<TrackingInput, 'activities' | 'indicators'>;

/**
 * The SELECT of a strategy's readings for the commitment `commitment` (SQL). `reported`: an activity
 * whose new progress and status the same statement writes, as SQL; they are read from there, since a
 * statement sees the rows as they were before it.
 */
export function inputSelect(commitment: string, reported?: { id: string; progress: string; status: string }): string {
  const progress = reported
    ? `CASE WHEN a.id = ${reported.id} THEN (${reported.progress})::numeric(5,2)::float8 ELSE a.progress::float8 END`
    : 'a.progress::float8';
  const status = reported ? `CASE WHEN a.id = ${reported.id} THEN ${reported.status} ELSE a.status END` : 'a.status';
  return `SELECT
         (SELECT coalesce(json_agg(json_build_object('id', a.id, 'weight', a.weight::float8, 'progress', ${progress}, 'status', ${status}, 'endDate', a.end_date::text)
                                   ORDER BY a.position, a.created_at), '[]')
            FROM activities a WHERE a.commitment_id = ${commitment} AND a.removed_at IS NULL) AS activities,
         (SELECT coalesce(json_agg(json_build_object('id', n.id, 'baseline', n.baseline::float8, 'target', n.target::float8, 'current', n.current::float8)), '[]')
            FROM indicators n WHERE n.commitment_id = ${commitment}) AS indicators`;
}

/** What the roll-up engine reads and writes: a commitment's strategy input, its figures and its area's and plan's sums. */
@Injectable()
export class RollupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The activities and indicators a strategy computes from, in one statement; with `bump`, the
   * same statement gives the commitment its new version (and, with `touch`, its update time).
   */
  async inputOf(
    m: EntityManager,
    commitmentId: string,
    bump: { touch: boolean } | null = null,
  ): Promise<StrategyReadings> {
    const bumped = bump
      ? `WITH bumped AS (UPDATE commitments SET version = version + 1${bump.touch ? ', updated_at = now()' : ''} WHERE id = $1) `
      : '';
    const [input] = await preparedQuery<StrategyReadings>(
      this.dataSource,
      m,
      `rollup_input${bump ? (bump.touch ? '_bump_touch' : '_bump') : ''}`,
      `${bumped}${inputSelect('$1')}`,
      [commitmentId],
    );
    return input;
  }

  async markStale(m: EntityManager, commitmentId: string, reason: string): Promise<void> {
    await m.query(`UPDATE commitments SET progress_stale = true, stale_reason = $2 WHERE id = $1`, [
      commitmentId,
      reason,
    ]);
  }

  /**
   * One statement: the commitment's new figures (a new version, no longer stale), its area's and
   * plan's progress sums moved by its weighted change, and the change's history and events. The
   * last of a command's transaction, it goes with the COMMIT where the transaction allows it.
   */
  async apply(
    m: EntityManager,
    commitmentId: string,
    result: AppliedProgress,
    rollup: { areaId: string; planId: string; delta: number },
    journal: JournalRows,
  ): Promise<void> {
    const rows = journalCtes(8, journal);
    await queryWithCommit(
      m,
      'rollup_apply',
      `WITH applied AS (
         UPDATE commitments SET progress = $2, completion_level = $3, progress_explanation = $4, progress_stale = false, stale_reason = NULL,
                progress_updated_at = now(), version = version + 1 WHERE id = $1
       ), area AS (
         UPDATE areas SET progress_sum = progress_sum + $5::numeric WHERE id = $6 AND $5::numeric <> 0
       ), plan AS (
         UPDATE plans SET progress_sum = progress_sum + $5::numeric WHERE id = $7 AND $5::numeric <> 0
       ), ${rows.sql}
       SELECT 1`,
      [
        commitmentId,
        result.progress,
        result.completionLevel,
        result.explanation,
        rollup.delta,
        rollup.areaId,
        rollup.planId,
        ...rows.params,
      ],
    );
  }
}
