import { Injectable } from '@nestjs/common';
import { CompletionLevel, TrackingInput } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

export interface AppliedProgress {
  progress: number;
  completionLevel: CompletionLevel;
  explanation: string | null;
}

/** What the roll-up engine reads and writes: a commitment's strategy input, its figures and its area's and plan's sums. */
@Injectable()
export class RollupRepository {
  /** The activities and indicators a strategy computes from. */
  async inputOf(m: EntityManager, commitmentId: string): Promise<Pick<TrackingInput, 'activities' | 'indicators'>> {
    const activities = await m.query<TrackingInput['activities']>(
      `SELECT id, weight::float8 AS weight, progress::float8 AS progress, status, end_date::text AS "endDate"
         FROM activities WHERE commitment_id = $1 AND removed_at IS NULL ORDER BY position, created_at`,
      [commitmentId],
    );
    const indicators = await m.query<TrackingInput['indicators']>(
      `SELECT id, baseline::float8 AS baseline, target::float8 AS target, current::float8 AS current FROM indicators WHERE commitment_id = $1`,
      [commitmentId],
    );
    return { activities, indicators };
  }

  async markStale(m: EntityManager, commitmentId: string, reason: string): Promise<void> {
    await m.query(`UPDATE commitments SET progress_stale = true, stale_reason = $2 WHERE id = $1`, [
      commitmentId,
      reason,
    ]);
  }

  async apply(m: EntityManager, commitmentId: string, result: AppliedProgress): Promise<void> {
    await m.query(
      `UPDATE commitments SET progress = $2, completion_level = $3, progress_explanation = $4, progress_stale = false, stale_reason = NULL,
              progress_updated_at = now(), version = version + 1 WHERE id = $1`,
      [commitmentId, result.progress, result.completionLevel, result.explanation],
    );
  }

  /** Area and plan progress are kept as sums, moved by the commitment's weighted change. */
  async addToSums(m: EntityManager, areaId: string, planId: string, delta: number): Promise<void> {
    await m.query(`UPDATE areas SET progress_sum = progress_sum + $2 WHERE id = $1`, [areaId, delta]);
    await m.query(`UPDATE plans SET progress_sum = progress_sum + $2 WHERE id = $1`, [planId, delta]);
  }
}
