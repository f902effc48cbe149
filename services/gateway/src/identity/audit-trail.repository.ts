import { Injectable } from '@nestjs/common';
import { Page, boundPage } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from './audit-action.constant';

export interface AuditRecord {
  userId: string | null;
  /** Null when nobody is logged in (a reset requested by e-mail). */
  actorId: string | null;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: AuditAction;
  userId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  userId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** The identity audit trail: who, when, what (before and after, or what was read). Append-only. */
@Injectable()
export class AuditTrailRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    await manager.query(
      `INSERT INTO audit_trail (user_id, actor_id, action, before, after, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.userId, entry.actorId, entry.action, json(entry.before), json(entry.after), json(entry.details)],
    );
  }

  /** Newest first; every filter optional; `from` inclusive, `to` exclusive. */
  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const { limit, offset } = boundPage(query);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.action) add('action = ?', query.action);
    if (query.actorId) add('actor_id = ?', query.actorId);
    if (query.userId) add('user_id = ?', query.userId);
    if (query.from) add('at >= ?', query.from);
    if (query.to) add('at < ?', query.to);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM audit_trail ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<
      {
        id: string;
        at: Date;
        actor_id: string | null;
        action: AuditAction;
        user_id: string | null;
        before: unknown;
        after: unknown;
        details: unknown;
      }[]
    >(
      `SELECT id::text AS id, at, actor_id, action, user_id, before, after, details FROM audit_trail ${filter}
        ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        action: r.action,
        userId: r.user_id,
        before: r.before,
        after: r.after,
        details: r.details,
      })),
      total,
      limit,
      offset,
    };
  }
}
