import { Injectable } from '@nestjs/common';
import { InAppNotificationView } from '@ogp/contracts';
import { DataSource } from 'typeorm';

interface InAppRow {
  id: string;
  event_id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

const toView = (r: InAppRow): InAppNotificationView => ({
  id: r.id,
  eventId: r.event_id,
  type: r.type,
  title: r.title,
  body: r.body,
  link: r.link,
  readAt: r.read_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/** A person's in-app notifications, newest first. */
@Injectable()
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    recipientId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: InAppNotificationView[]; total: number }> {
    const rows = await this.dataSource.query<InAppRow[]>(
      `SELECT id, event_id, type, title, body, link, read_at, created_at FROM notifications
        WHERE recipient_id = $1 AND channel = 'in_app' ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [recipientId, limit, offset],
    );
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND channel = 'in_app'`,
      [recipientId],
    );
    return { items: rows.map(toView), total: count };
  }

  async unread(recipientId: string): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [recipientId],
    );
    return count;
  }

  /** Marks the person's own unread notifications among `ids` as read; how many changed. */
  async markRead(recipientId: string, ids: string[]): Promise<number> {
    const [{ updated }] = await this.dataSource.query<{ updated: number }[]>(
      `WITH changed AS (
         UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id
       ) SELECT count(*)::int AS updated FROM changed`,
      [recipientId, ids],
    );
    return updated;
  }
}
