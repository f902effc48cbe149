import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A person's digest items waiting to go out, each as its line in the digest, oldest first. */
export interface WaitingDigest {
  recipientId: string;
  toAddress: string;
  language: string;
  ids: string[];
  lines: string[];
}

/** The e-mails people chose to get as a daily digest (status 'digest' in the queue until gathered). */
@Injectable()
export class DigestsRepository {
  waiting(manager: EntityManager): Promise<WaitingDigest[]> {
    return manager.query<WaitingDigest[]>(
      `SELECT q.recipient_id AS "recipientId", q.to_address AS "toAddress", coalesce(r.language, 'ar') AS language,
              array_agg(q.id ORDER BY q.created_at) AS ids,
              array_agg('- ' || q.subject || E'\\n  ' || q.body ORDER BY q.created_at) AS lines
         FROM email_queue q LEFT JOIN recipients r ON r.user_id = q.recipient_id
        WHERE q.status = 'digest' GROUP BY q.recipient_id, q.to_address, r.language`,
    );
  }

  /** The items, now gathered in a digest e-mail. */
  async markDigested(manager: EntityManager, itemIds: string[]): Promise<void> {
    await manager.query(`UPDATE email_queue SET status = 'digested' WHERE id = ANY($1::uuid[])`, [itemIds]);
  }
}
