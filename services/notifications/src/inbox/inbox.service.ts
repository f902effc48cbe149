import { Injectable } from '@nestjs/common';
import { Actor, assertRole, ROLES } from '@ogp/auth';
import { boundPage, InAppNotificationView, Page, PageQuery } from '@ogp/contracts';
import { DataSource } from 'typeorm';

interface Row {
  id: string;
  event_id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

/** A person's in-app notifications; each person sees only their own. */
@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor | null, query: PageQuery): Promise<Page<InAppNotificationView>> {
    assertRole(actor, ROLES);
    const { limit, offset } = boundPage(query);
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, event_id, type, title, body, link, read_at, created_at FROM notifications
        WHERE recipient_id = $1 AND channel = 'in_app' ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [actor.id, limit, offset],
    );
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND channel = 'in_app'`,
      [actor.id],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        eventId: r.event_id,
        type: r.type,
        title: r.title,
        body: r.body,
        link: r.link,
        readAt: r.read_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      })),
      total: count,
      limit,
      offset,
    };
  }

  async unread(actor: Actor | null): Promise<{ unread: number }> {
    assertRole(actor, ROLES);
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [actor.id],
    );
    return { unread: count };
  }

  async markRead(actor: Actor | null, ids: string[]): Promise<{ updated: number }> {
    assertRole(actor, ROLES);
    const [{ updated }] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id
       ) SELECT count(*)::int AS updated FROM changed`,
      [actor.id, ids.slice(0, 100)],
    );
    return { updated };
  }
}
