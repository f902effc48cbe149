import { Injectable } from '@nestjs/common';
import { OutboxRow } from '@ogp/messaging';
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

/** What a change writes besides itself: its history entries and its events (outbox rows), in order. */
export interface JournalRows {
  entityType: string;
  entityId: string;
  actorId: string | null;
  entries: { action: string; before: unknown; after: unknown }[];
  events: OutboxRow<unknown>[];
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * The CTEs (`journal_history`, `journal_events`) that write a journal's rows within a repository's
 * own statement, so a change, its history and its events cost one round trip; their parameters
 * start at `$first`.
 */
export function journalCtes(first: number, rows: JournalRows): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `journal_history AS (
        INSERT INTO change_history (entity_type, entity_id, action, actor_id, before, after)
        SELECT ${p(0)}::text, ${p(1)}::uuid, h.action, ${p(2)}::uuid, h.before, h.after
          FROM unnest(${p(3)}::text[], ${p(4)}::jsonb[], ${p(5)}::jsonb[]) WITH ORDINALITY AS h(action, before, after, n) ORDER BY h.n
      ), journal_events AS (
        INSERT INTO outbox (id, type, subject, envelope, headers)
        SELECT e.id, e.type, e.subject, e.envelope, e.headers
          FROM unnest(${p(6)}::uuid[], ${p(7)}::text[], ${p(8)}::text[], ${p(9)}::jsonb[], ${p(10)}::jsonb[]) WITH ORDINALITY AS e(id, type, subject, envelope, headers, n)
         ORDER BY e.n
      )`,
    params: [
      rows.entityType,
      rows.entityId,
      rows.actorId,
      rows.entries.map((e) => e.action),
      rows.entries.map((e) => json(e.before)),
      rows.entries.map((e) => json(e.after)),
      rows.events.map((e) => e.id),
      rows.events.map((e) => e.type),
      rows.events.map((e) => e.subject),
      rows.events.map((e) => e.envelope),
      rows.events.map((e) => e.headers),
    ],
  };
}

/** The change_history table: written with each change, in the change's transaction. */
@Injectable()
export class ChangeHistoryRepository {
  async record(m: EntityManager, entry: ChangeEntry): Promise<void> {
    await m.query(
      `INSERT INTO change_history (entity_type, entity_id, action, actor_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.entityType, entry.entityId, entry.action, entry.actorId, json(entry.before), json(entry.after)],
    );
  }

  /** A journal's history entries and events, in one statement. */
  async write(m: EntityManager, rows: JournalRows): Promise<void> {
    const journal = journalCtes(1, rows);
    await m.query(`WITH ${journal.sql} SELECT 1`, journal.params);
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
