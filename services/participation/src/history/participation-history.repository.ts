import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** One recorded change of a cycle, idea, seat or comment: who, what, before and after. */
export interface HistoryRecord {
  entityType: 'cycle' | 'idea' | 'seat' | 'comment';
  entityId: string;
  action: string;
  actorId: string;
  before?: unknown;
  after: unknown;
  /** Default: the database's now(). */
  at?: string;
}

export interface HistoryRow {
  action: string;
  actor_id: string | null;
  at: Date;
  before: unknown;
  after: unknown;
}

/** participation_history: the audit trail of co-creation (design rule 8). */
@Injectable()
export class ParticipationHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(m: EntityManager, entry: HistoryRecord): Promise<void> {
    const before = entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before);
    if (entry.at)
      await m.query(
        `INSERT INTO participation_history (entity_type, entity_id, action, actor_id, before, after, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [entry.entityType, entry.entityId, entry.action, entry.actorId, before, JSON.stringify(entry.after), entry.at],
      );
    else
      await m.query(
        `INSERT INTO participation_history (entity_type, entity_id, action, actor_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
        [entry.entityType, entry.entityId, entry.action, entry.actorId, before, JSON.stringify(entry.after)],
      );
  }

  async count(entityType: HistoryRecord['entityType'], entityId: string): Promise<number> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM participation_history WHERE entity_type = $1 AND entity_id = $2`,
      [entityType, entityId],
    );
    return total;
  }

  /** Oldest first. */
  page(
    entityType: HistoryRecord['entityType'],
    entityId: string,
    limit: number,
    offset: number,
  ): Promise<HistoryRow[]> {
    return this.dataSource.query<HistoryRow[]>(
      `SELECT action, actor_id, at, before, after FROM participation_history WHERE entity_type = $1 AND entity_id = $2 ORDER BY id LIMIT $3 OFFSET $4`,
      [entityType, entityId, limit, offset],
    );
  }
}
