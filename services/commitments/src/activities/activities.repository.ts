import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ActivityDto, Localized } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

/** The activities table: a commitment's work items, in order, removed softly. */
@Injectable()
export class ActivitiesRepository {
  /** Inserts activities after `startPosition`; returns their new ids in order. */
  async insertMany(
    m: EntityManager,
    commitmentId: string,
    activities: ActivityDto[],
    startPosition = 0,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, a] of activities.entries()) {
      const id = randomUUID();
      ids.push(id);
      await m.query(
        `INSERT INTO activities (id, commitment_id, position, title, start_date, end_date, weight, responsible) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          commitmentId,
          startPosition + i,
          JSON.stringify(a.title),
          a.startDate,
          a.endDate,
          a.weight ?? null,
          a.responsible ?? null,
        ],
      );
    }
    return ids;
  }

  /** How many activities a commitment ever held (removed ones keep their position). */
  async countOf(m: EntityManager, commitmentId: string): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM activities WHERE commitment_id = $1`,
      [commitmentId],
    );
    return n;
  }

  /** Removes a live activity of the commitment; undefined when there is none. */
  async remove(
    m: EntityManager,
    commitmentId: string,
    activityId: string,
  ): Promise<{ id: string; title: Localized } | undefined> {
    // An UPDATE ... RETURNING answers [rows, count] through TypeORM's pg driver.
    const [rows = []] = await m.query<[{ id: string; title: Localized }[], number]>(
      `UPDATE activities SET removed_at = now() WHERE id = $1 AND commitment_id = $2 AND removed_at IS NULL RETURNING id, title`,
      [activityId, commitmentId],
    );
    return rows[0];
  }
}
