import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ActivityWeightRow {
  id: string;
  weight: number | null;
}

/** The weight column of a commitment's activities. */
@Injectable()
export class WeightsRepository {
  /** The live activities among `ids` with their weights. */
  weightsOf(m: EntityManager, commitmentId: string, ids: string[]): Promise<ActivityWeightRow[]> {
    return m.query<ActivityWeightRow[]>(
      `SELECT id, weight::float8 AS weight FROM activities WHERE commitment_id = $1 AND removed_at IS NULL AND id = ANY($2::uuid[])`,
      [commitmentId, ids],
    );
  }

  async setWeight(m: EntityManager, activityId: string, weight: number | null): Promise<void> {
    await m.query(`UPDATE activities SET weight = $2 WHERE id = $1`, [activityId, weight]);
  }
}
