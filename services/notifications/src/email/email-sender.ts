import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { emailsDeadLettered, emailsRetried, emailsSent, LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import { createTransport, Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Logger } from 'pino';
import { NotificationsConfig } from '../notifications.config';
import { EmailComposer } from './email-composer';
import { ClaimedEmail, EmailQueueRepository } from './email-queue.repository';
import { retryDelaySeconds } from './retry-delay';

/** What a send came to, kept until it is written (the database may be away when the send ends). */
interface Outcome {
  id: string;
  token: string;
  attempts: number;
  error: string | null;
  /** The send was abandoned, not refused: it may still complete, so the lease is kept to its end. */
  timedOut: boolean;
}

/** Sends in flight at once (the pool's connections): a crash can repeat at most these. */
const LANES = 3;

/**
 * Sends queued e-mails over SMTP, each message on its own: claim it (a short statement giving it a
 * lease and a token), send it, mark it — the mark is written only while the token is still ours.
 * No transaction spans a send, so a database error after a send cannot undo its "sent" mark: the
 * outcome is kept and written when the database answers again. A crash repeats at most the
 * messages in flight (LANES), with the same Message-ID (the notification id), which a mail server
 * can drop as a duplicate. On failure a message is retried with backoff (1 s doubling, at most
 * 5 min apart) until EMAIL_MAX_ATTEMPTS, after which it is dead and shown to admins.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap, OnModuleDestroy {
  private transport: Transporter;
  private running = false;
  private lanes: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  /** Outcomes not written yet (the database was away); written before anything new is claimed. */
  private unwritten: Outcome[] = [];
  private writing: Promise<void> | null = null;
  sent = 0;

  constructor(
    private readonly queue: EmailQueueRepository,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly composer: EmailComposer,
  ) {
    // A claim outlives any send (EMAIL_SEND_TIMEOUT_SECONDS, nodemailer's timeouts end most sooner), with
    // margin for writing the outcome: no other sender takes a message whose send may still be in flight.
    if (config.EMAIL_CLAIM_LEASE_SECONDS < 2 * config.EMAIL_SEND_TIMEOUT_SECONDS) {
      throw new Error('EMAIL_CLAIM_LEASE_SECONDS must be at least twice EMAIL_SEND_TIMEOUT_SECONDS');
    }
    const url = new URL(config.SMTP_URL);
    // A small pool: connections are reused across messages instead of one handshake per e-mail.
    const options: SMTPPool.Options = {
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: LANES,
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
    this.lanes = Array.from({ length: LANES }, () => this.lane());
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.kick();
    await Promise.all(this.lanes);
    // Sends that ended while the database was away: one last try to record them.
    await this.writeOutcomes().catch((err: Error) =>
      this.logger.warn(
        { err: err.message, unwritten: this.unwritten.length },
        'e-mail outcomes not recorded at shutdown',
      ),
    );
    this.transport.close();
  }

  kick(): void {
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  private async lane(): Promise<void> {
    while (this.running) {
      let handled = false;
      try {
        handled = await this.sendOne();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'e-mail sending failed');
      }
      if (!handled && this.running) await this.sleep(500);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  /** Claims one due message, sends it and records the outcome; false when nothing was due. */
  async sendOne(): Promise<boolean> {
    // What an earlier send came to is written first: its lease still keeps others off it.
    await this.writeOutcomes();
    const row = await this.claim();
    if (!row) return false;
    const { outcome, settled } = await this.send(row);
    this.unwritten.push(outcome);
    try {
      await this.writeOutcomes();
    } finally {
      // An abandoned send may still go out: the lane waits for it (at most the lease) before claiming
      // another, so no more than LANES messages are ever in flight — what a crash can repeat.
      if (outcome.timedOut)
        await Promise.race([settled, new Promise((r) => setTimeout(r, this.config.EMAIL_CLAIM_LEASE_SECONDS * 1000))]);
    }
    return true;
  }

  private claim(): Promise<ClaimedEmail | null> {
    return this.queue.claim(randomUUID(), this.config.EMAIL_CLAIM_LEASE_SECONDS);
  }

  private async send(row: ClaimedEmail): Promise<{ outcome: Outcome; settled: Promise<unknown> }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), this.config.EMAIL_SEND_TIMEOUT_SECONDS * 1000)),
    );
    const sending = this.transport.sendMail(this.message(row)).then(() => 'sent' as const);
    const settled = sending.catch(() => undefined);
    const base = { id: row.id, token: row.token, attempts: row.attempts + 1 };
    try {
      const result = await Promise.race([sending, timeout]);
      if (result === 'timeout') return { outcome: { ...base, error: 'SMTP send timed out', timedOut: true }, settled };
      return { outcome: { ...base, error: null, timedOut: false }, settled };
    } catch (err) {
      return {
        outcome: { ...base, error: String((err as Error)?.message ?? err).slice(0, 300), timedOut: false },
        settled,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Writes every outcome not written yet; one writer at a time. Throws (keeping them) while the database is away. */
  private async writeOutcomes(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.unwritten.length === 0) return;
    this.writing = (async () => {
      while (this.unwritten.length > 0) {
        await this.record(this.unwritten[0]);
        this.unwritten.shift();
      }
    })();
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }

  /** The mark is conditional on still holding the claim: a sender whose lease was taken over changes nothing. */
  private async record(o: Outcome): Promise<void> {
    if (o.error === null) {
      emailsSent.inc();
      if (await this.queue.markSent(o.id, o.token, o.attempts)) this.sent += 1;
      else
        this.logger.error({ emailId: o.id }, 'e-mail sent after its claim was taken over: not marked by this sender');
      return;
    }
    const dead = o.attempts >= this.config.EMAIL_MAX_ATTEMPTS;
    await this.queue.markFailed(o.id, o.token, {
      attempts: o.attempts,
      dead,
      error: o.error,
      delaySeconds: retryDelaySeconds(o.attempts),
      keepLease: o.timedOut,
    });
    (dead ? emailsDeadLettered : emailsRetried).inc();
    if (dead) this.logger.error({ emailId: o.id, attempts: o.attempts }, 'e-mail given up: moved to dead letters');
  }

  /** Plain text with its HTML alternative, in the reader's language; notifications lead to the preferences to unsubscribe. */
  private message(row: ClaimedEmail): Mail.Options {
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
