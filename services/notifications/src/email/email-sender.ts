import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import { createTransport, Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { NotificationsConfig } from '../notifications.config';
import { EmailComposer } from './email-composer';

interface QueuedRow {
  id: string;
  notification_id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  transactional: boolean;
  language: string | null;
}

/**
 * Sends queued e-mails over SMTP. A row is locked while it is sent (replicas never send the same
 * one), marked sent in the same transaction, and on failure retried with backoff (1 s doubling,
 * at most 5 min apart) until EMAIL_MAX_ATTEMPTS, after which it is dead and shown to admins.
 * The notification id is the Message-ID, so a receiver can drop the copy a crash between
 * "sent" and "marked" could cause.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap, OnModuleDestroy {
  private transport: Transporter;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  sent = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly composer: EmailComposer,
  ) {
    const url = new URL(config.SMTP_URL);
    // A small pool: connections are reused across messages instead of one handshake per e-mail.
    const options: SMTPPool.Options = {
        host: url.hostname,
        port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
        secure: url.protocol === 'smtps:',
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        pool: true,
        maxConnections: 3,
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 10000,
        // Local and test relays speak plain SMTP; a real relay can require TLS with smtps://.
        ignoreTLS: url.protocol === 'smtp:' && ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
    };
    this.transport = createTransport(options, { from: config.MAIL_FROM });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    this.transport.close();
  }

  kick(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.sendBatch();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'e-mail batch failed');
      }
      if (sent === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 500);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Sends what is due; returns how many it handled. */
  async sendBatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: QueuedRow[] = await m.query(
        `SELECT id, notification_id, to_address, subject, body, attempts, transactional,
                coalesce(language, (SELECT r.language FROM recipients r WHERE r.user_id = q.recipient_id)) AS language
           FROM email_queue q
          WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 30 FOR UPDATE SKIP LOCKED`,
      );
      // The batch goes out together over the pool; each outcome is written under the row's lock.
      const outcomes = await Promise.allSettled(rows.map((row) => this.transport.sendMail(this.message(row))));
      for (const [i, outcome] of outcomes.entries()) {
        const row = rows[i];
        if (outcome.status === 'fulfilled') {
          await m.query(`UPDATE email_queue SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
          this.sent += 1;
          continue;
        }
        const attempts = row.attempts + 1;
        const dead = attempts >= this.config.EMAIL_MAX_ATTEMPTS;
        const delaySeconds = Math.min(300, 2 ** (attempts - 1));
        await m.query(`UPDATE email_queue SET attempts = $2, status = $3, last_error = $4, next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1`, [
          row.id,
          attempts,
          dead ? 'dead' : 'pending',
          String((outcome.reason as Error)?.message ?? outcome.reason).slice(0, 300),
          delaySeconds,
        ]);
        if (dead) this.logger.error({ emailId: row.id, attempts }, 'e-mail given up: moved to dead letters');
      }
      return rows.length;
    });
  }

  /** Plain text with its HTML alternative, in the reader's language; notifications lead to the preferences to unsubscribe. */
  private message(row: QueuedRow): Mail.Options {
    const mail = this.composer.compose(row);
    return {
      to: row.to_address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${row.notification_id}@ogp.platform>`,
      headers: { 'Content-Language': mail.language },
      list: mail.unsubscribeUrl ? { unsubscribe: mail.unsubscribeUrl } : undefined,
    };
  }
}
