import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** 'pending' goes out at once; 'digest' waits for the day's digest; 'batched' waits for its sweep's gathered e-mail. */
export type QueuedEmailStatus = 'pending' | 'digest' | 'batched';

/** An e-mail to queue, in the transaction of what causes it. */
export interface QueuedEmail {
  id: string;
  /** Also the Message-ID: one e-mail per notification id. */
  notificationId: string;
  recipientId: string;
  toAddress: string;
  subject: string;
  body: string;
  status: QueuedEmailStatus;
  language: string;
  /** Alerts of one sweep wait to go out together: the sweep, the alert's kind and its line in the gathered e-mail. */
  batch?: { key: string; kind: string; line: string } | null;
  /** Account e-mails: sent whatever the preferences, with no unsubscribe link. */
  transactional?: boolean;
}

/** A queued e-mail claimed for sending: the claim token is ours until the lease ends. */
export interface ClaimedEmail {
  id: string;
  notification_id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  transactional: boolean;
  language: string | null;
  token: string;
}

/**
 * The sending side of the e-mail queue: each statement stands alone (no transaction spans a send),
 * and every mark is conditional on still holding the claim.
 */
@Injectable()
export class EmailQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Queues an e-mail once per notification id (queueing it again changes nothing). */
  async queue(manager: EntityManager, e: QueuedEmail): Promise<void> {
    await manager.query(
      `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, batch_key, batch_kind, batch_line, language, transactional)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (notification_id) DO NOTHING`,
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

  /** One statement: the oldest due message nobody holds gets the token and a lease of `leaseSeconds`. */
  async claim(token: string, leaseSeconds: number): Promise<ClaimedEmail | null> {
    const [row] = await this.dataSource.query<ClaimedEmail[]>(
      `WITH claimed AS (
         UPDATE email_queue SET claimed_until = now() + make_interval(secs => $1), claim_token = $2
          WHERE id = (SELECT id FROM email_queue
                       WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
         RETURNING id, notification_id, recipient_id, to_address, subject, body, attempts, transactional, language, claim_token)
       SELECT c.id, c.notification_id, c.to_address, c.subject, c.body, c.attempts, c.transactional, c.claim_token AS token,
              coalesce(c.language, (SELECT r.language FROM recipients r WHERE r.user_id = c.recipient_id)) AS language
         FROM claimed c`,
      [leaseSeconds, token],
    );
    return row ?? null;
  }

  /** Marks a message sent; false when its claim was taken over (another sender holds it now). */
  async markSent(id: string, token: string, attempts: number): Promise<boolean> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `WITH marked AS (
           UPDATE email_queue SET status = 'sent', sent_at = now(), attempts = $3, last_error = NULL, claimed_until = NULL, claim_token = NULL
            WHERE id = $1 AND claim_token = $2 RETURNING 1)
         SELECT count(*)::int AS n FROM marked`,
      [id, token, attempts],
    );
    return n === 1;
  }

  /**
   * A failed send: retried after `delaySeconds`, or dead. A send that timed out keeps its lease to
   * its end (it may still complete), so no other sender takes it meanwhile.
   */
  async markFailed(
    id: string,
    token: string,
    failure: { attempts: number; dead: boolean; error: string; delaySeconds: number; keepLease: boolean },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_queue SET attempts = $3, status = $4, last_error = $5, next_attempt_at = now() + make_interval(secs => $6),
              claimed_until = CASE WHEN $7 THEN claimed_until ELSE NULL END, claim_token = NULL
        WHERE id = $1 AND claim_token = $2`,
      [
        id,
        token,
        failure.attempts,
        failure.dead ? 'dead' : 'pending',
        failure.error,
        failure.delaySeconds,
        failure.keepLease,
      ],
    );
  }
}
