import { Injectable } from '@nestjs/common';
import { Language } from '@ogp/contracts';
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

export type QueuedEmailStatus = 'pending' | 'digest' | 'batched';

export interface QueuedEmail {
  id: string;
  notificationId: string;
  recipientId: string;
  toAddress: string;
  subject: string;
  body: string;
  status: QueuedEmailStatus;
  language: Language;
  /** Alerts of one sweep wait to go out together: the sweep, the alert's kind and its line in the gathered e-mail. */
  batch?: { key: string; kind: string; line: string } | null;
  /** Account e-mails: sent whatever the preferences, with no unsubscribe link. */
  transactional?: boolean;
}

/**
 * The notifications of an event and the e-mails they queue, written in the consumer's transaction.
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

  async queueEmail(manager: EntityManager, e: QueuedEmail): Promise<void> {
    await manager.query(
      `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, batch_key, batch_kind, batch_line, language, transactional)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        e.id,
        e.notificationId,
        e.recipientId,
        e.toAddress,
        e.subject,
        e.body,
        e.status,
        e.batch?.key ?? null,
        e.batch?.kind ?? null,
        e.batch?.line ?? null,
        e.language,
        e.transactional ?? false,
      ],
    );
  }
}
