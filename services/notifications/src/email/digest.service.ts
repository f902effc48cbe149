import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole } from '@ogp/auth';
import { boundPage, deadLetterStreamName, DomainError, ErrorCode, Page, PageQuery } from '@ogp/contracts';
import { MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION } from '@ogp/messaging';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';

const DIGEST_TITLE = {
  ar: 'ملخص الإشعارات اليومي',
  fr: 'Résumé quotidien des notifications',
  en: 'Daily notification digest',
} as const;

/** Daily digests for people who chose them, and the dead letters admins look at. */
@Injectable()
export class DigestService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingModuleOptions,
  ) {}

  /** One e-mail per person gathering their waiting digest items; each item goes in one digest. */
  async sendDigests(): Promise<{ digests: number }> {
    return this.dataSource.transaction(async (m) => {
      const groups: { recipient_id: string; to_address: string; language: string; ids: string[]; lines: string[] }[] =
        await m.query(
          `SELECT q.recipient_id, q.to_address, coalesce(r.language, 'ar') AS language, array_agg(q.id ORDER BY q.created_at) AS ids,
                array_agg('- ' || q.subject || E'\\n  ' || q.body ORDER BY q.created_at) AS lines
           FROM email_queue q LEFT JOIN recipients r ON r.user_id = q.recipient_id
          WHERE q.status = 'digest' GROUP BY q.recipient_id, q.to_address, r.language`,
        );
      for (const g of groups) {
        await m.query(`UPDATE email_queue SET status = 'digested' WHERE id = ANY($1::uuid[])`, [g.ids]);
        const subject = DIGEST_TITLE[(g.language as keyof typeof DIGEST_TITLE) ?? 'ar'] ?? DIGEST_TITLE.ar;
        await m.query(
          `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, language) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)`,
          [randomUUID(), randomUUID(), g.recipient_id, g.to_address, subject, g.lines.join('\n'), g.language],
        );
      }
      return { digests: groups.length };
    });
  }

  /** E-mails given up after every retry, and events no consumer could handle. */
  async deadLetters(
    actor: Actor | null,
    query: PageQuery,
  ): Promise<Page<{ id: string; kind: 'email' | 'event'; subject: string; reason: string; at: string }>> {
    assertRole(actor, ['admin']);
    const { limit, offset } = boundPage(query);
    const emails = await this.dataSource.query(
      `SELECT id, subject, coalesce(last_error, '') AS reason, created_at AS at FROM email_queue WHERE status = 'dead' ORDER BY created_at DESC LIMIT 500`,
    );
    const items: { id: string; kind: 'email' | 'event'; subject: string; reason: string; at: string }[] = emails.map(
      (e: { id: string; subject: string; reason: string; at: Date }) => ({
        id: e.id,
        kind: 'email' as const,
        subject: e.subject,
        reason: e.reason,
        at: e.at.toISOString(),
      }),
    );
    try {
      const jsm = await this.nc.jetstreamManager();
      const stream = deadLetterStreamName(this.messaging.prefix);
      const info = await jsm.streams.info(stream);
      for (let seq = info.state.last_seq; seq >= info.state.first_seq && seq > 0 && items.length < 500; seq--) {
        const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (!msg) continue;
        items.push({
          id: `event:${seq}`,
          kind: 'event',
          subject: msg.subject,
          reason: msg.header?.get('x-dead-letter-reason') ?? '',
          at: msg.time.toISOString(),
        });
      }
    } catch {
      // No dead-letter stream yet: nothing to show.
    }
    return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
  }

  /** A dead e-mail goes back to the sending queue, its attempts starting over; the sender picks it up at once. */
  async retryDeadLetter(actor: Actor | null, id: string): Promise<{ id: string; status: 'pending' }> {
    assertRole(actor, ['admin']);
    const rows = await this.dataSource.query(
      `UPDATE email_queue SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = $1 AND status = 'dead' RETURNING id`,
      [id],
    );
    if (!rows[0].length) throw new DomainError(ErrorCode.NOT_FOUND, 'no such dead e-mail');
    return { id, status: 'pending' };
  }
}
