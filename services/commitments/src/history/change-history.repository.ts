import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One entry of the accountability log: who changed what, when, from what to what. */
export interface ChangeEntry {
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
}

export interface ChangeHistoryRow {
  action: string;
  actor_id: string | null;
  at: Date;
  before: unknown;
  after: unknown;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** The change_history table: written with each change, in the change's transaction. */
@Injectable()
export class ChangeHistoryRepository {
  async record(m: EntityManager, entry: ChangeEntry): Promise<void> {
    await m.query(
      `INSERT INTO change_history (entity_type, entity_id, action, actor_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.entityType, entry.entityId, entry.action, entry.actorId, json(entry.before), json(entry.after)],
    );
  }

  async countOf(m: EntityManager, entityType: string, entityId: string): Promise<number> {
    const [{ total }] = await m.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM change_history WHERE entity_type = $1 AND entity_id = $2`,
      [entityType, entityId],
    );
    return total;
  }

  /** Oldest first, as the public history reads. */
  pageOf(m: EntityManager, entityType: string, entityId: string, limit: number, offset: number) {
    return m.query<ChangeHistoryRow[]>(
      `SELECT action, actor_id, at, before, after FROM change_history WHERE entity_type = $1 AND entity_id = $2 ORDER BY at, id LIMIT $3 OFFSET $4`,
      [entityType, entityId, limit, offset],
    );
  }
}
