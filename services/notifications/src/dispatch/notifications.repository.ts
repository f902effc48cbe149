import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NotificationRow {
  id: string;
  recipientId: string;
  eventId: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * The notifications of an event, written in the consumer's transaction.
 * The unique (event, recipient, channel) key makes each exist once, whatever is redelivered.
 */
@Injectable()
export class NotificationsRepository {
  async addInApp(manager: EntityManager, n: NotificationRow): Promise<void> {
    await manager.query(
      `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body, link) VALUES ($1, $2, $3, $4, 'in_app', $5, $6, $7)
         ON CONFLICT (event_id, recipient_id, channel) DO NOTHING`,
      [n.id, n.recipientId, n.eventId, n.type, n.title, n.body, n.link],
    );
  }

  /** The e-mail copy of a notification; false when the event already gave this person one. */
  async addEmail(manager: EntityManager, n: NotificationRow): Promise<boolean> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body, link) VALUES ($1, $2, $3, $4, 'email', $5, $6, $7)
         ON CONFLICT (event_id, recipient_id, channel) DO NOTHING RETURNING id`,
      [n.id, n.recipientId, n.eventId, n.type, n.title, n.body, n.link],
    );
    return inserted.length > 0;
  }
}
