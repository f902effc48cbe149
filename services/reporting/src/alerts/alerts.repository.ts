import { Injectable } from '@nestjs/common';
import { AlertView } from '@ogp/contracts';
import { DataSource } from 'typeorm';

/** Which alerts a page shows: null means any. */
export interface AlertFilter {
  programmeId: string | null;
  kind: string | null;
  /** The programmes the reader may see; null: all. */
  programmes: string[] | null;
}

const WHERE = `WHERE ($1::uuid IS NULL OR al.programme_id = $1) AND ($2::text IS NULL OR al.kind = $2) AND ($3::uuid[] IS NULL OR al.programme_id = ANY($3::uuid[]))`;

/** The alerts raised by the sweeps, as staff read them. */
@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(filter: AlertFilter): Promise<number> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM alerts al ${WHERE}`,
      this.params(filter),
    );
    return total;
  }

  /** Newest first, with the item's commitment (an activity's, or the commitment itself) and titles, so a reader can go to it. */
  page(filter: AlertFilter, limit: number, offset: number): Promise<AlertView[]> {
    return this.dataSource.query<AlertView[]>(
      `SELECT al.id, al.kind, al.item_id AS "itemId", al.programme_id AS "programmeId", al.period_key AS period, al.raised_at AS "raisedAt",
              c.id AS "commitmentId", c.title AS "commitmentTitle", a.title AS "activityTitle"
         FROM alerts al
         LEFT JOIN rm_activities a ON a.id = al.item_id
         LEFT JOIN rm_commitments c ON c.id = COALESCE(a.commitment_id, al.item_id)
         ${WHERE}
        ORDER BY al.raised_at DESC, al.id LIMIT $4 OFFSET $5`,
      [...this.params(filter), limit, offset],
    );
  }

  private params(filter: AlertFilter): unknown[] {
    return [filter.programmeId, filter.kind, filter.programmes];
  }
}
