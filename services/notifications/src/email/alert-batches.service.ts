import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AlertKind, Language } from '@ogp/contracts';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { ALERT_BATCH_TEXT, ALERT_KIND_LABELS } from '../labels/alert-kind-labels.constant';
import { NotificationsConfig } from '../notifications.config';
import { stableUuid } from '../dispatch/stable-uuid';
import { render } from '../dispatch/templates.constant';

interface Waiting {
  recipient_id: string;
  to_address: string;
  language: Language;
  ids: string[];
  kinds: AlertKind[];
  lines: string[];
}

/**
 * Gathers the e-mails of the alerts of one sweep run, per person, into one e-mail listing them by
 * kind. Each alert event counts itself in (inside the consumer's transaction, so once); the one
 * that completes the sweep sends the gathered e-mails. Alerts whose sweep never completes (an
 * event parked in dead letters) go out after ALERT_BATCH_WAIT_SECONDS; later ones go alone.
 */
@Injectable()
export class AlertBatchesService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.flushStale().then(
        () => undefined,
        (err: Error) => this.logger.warn({ err: err.message }, 'flushing waiting alert e-mails failed'),
      );
    }, 5000);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Counts one alert of the sweep in and locks the sweep; false when it already went out (send alone). */
  async join(manager: EntityManager, sweep: { id: string; size: number }): Promise<boolean> {
    const [row] = await manager.query(
      `INSERT INTO alert_sweeps (sweep_id, size, handled) VALUES ($1, $2, 1)
       ON CONFLICT (sweep_id) DO UPDATE SET handled = alert_sweeps.handled + 1 RETURNING flushed_at`,
      [sweep.id, sweep.size],
    );
    return row.flushed_at === null;
  }

  /** After the alert's e-mails are queued: the last alert of the sweep sends the gathered e-mails. */
  async completeIfLast(manager: EntityManager, sweepId: string): Promise<void> {
    const [row] = await manager.query(`SELECT handled, size, flushed_at FROM alert_sweeps WHERE sweep_id = $1`, [
      sweepId,
    ]);
    if (row && row.flushed_at === null && row.handled >= row.size) await this.flush(manager, sweepId);
  }

  async flushStale(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const stale: { sweep_id: string }[] = await m.query(
        `SELECT sweep_id FROM alert_sweeps WHERE flushed_at IS NULL AND first_seen_at < now() - make_interval(secs => $1)
          ORDER BY first_seen_at LIMIT 20 FOR UPDATE SKIP LOCKED`,
        [this.config.ALERT_BATCH_WAIT_SECONDS],
      );
      for (const s of stale) await this.flush(m, s.sweep_id);
      if (stale.length > 0)
        this.logger.warn({ sweeps: stale.length }, 'alert e-mails sent before their sweep was complete');
      return stale.length;
    });
  }

  private async flush(manager: EntityManager, sweepId: string): Promise<void> {
    const waiting: Waiting[] = await manager.query(
      `SELECT q.recipient_id, q.to_address, coalesce(r.language, 'ar') AS language,
              array_agg(q.id ORDER BY q.batch_kind, q.created_at, q.id) AS ids,
              array_agg(q.batch_kind ORDER BY q.batch_kind, q.created_at, q.id) AS kinds,
              array_agg(q.batch_line ORDER BY q.batch_kind, q.created_at, q.id) AS lines
         FROM email_queue q LEFT JOIN recipients r ON r.user_id = q.recipient_id
        WHERE q.status = 'batched' AND q.batch_key = $1
        GROUP BY q.recipient_id, q.to_address, r.language`,
      [sweepId],
    );
    for (const w of waiting) {
      if (w.ids.length === 1) {
        await manager.query(`UPDATE email_queue SET status = 'pending', next_attempt_at = now() WHERE id = $1`, [
          w.ids[0],
        ]);
        continue;
      }
      const { subject, body } = this.compose(w);
      await manager.query(
        `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, language) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)
         ON CONFLICT (notification_id) DO NOTHING`,
        // A stable id per (sweep, person): the gathered e-mail is queued once however often a flush runs.
        [
          randomUUID(),
          stableUuid(`sweep:${sweepId}:${w.recipient_id}`),
          w.recipient_id,
          w.to_address,
          subject,
          body,
          w.language,
        ],
      );
      await manager.query(`UPDATE email_queue SET status = 'grouped' WHERE id = ANY($1::uuid[])`, [w.ids]);
    }
    await manager.query(`UPDATE alert_sweeps SET flushed_at = now() WHERE sweep_id = $1`, [sweepId]);
  }

  private compose(w: Waiting): { subject: string; body: string } {
    const language = (['ar', 'fr', 'en'] as const).includes(w.language) ? w.language : 'ar';
    const text = ALERT_BATCH_TEXT[language];
    const count = String(w.ids.length);
    const sections: string[] = [render(text.intro, { count })];
    for (let i = 0; i < w.kinds.length;) {
      const kind = w.kinds[i];
      const items: string[] = [];
      for (; i < w.kinds.length && w.kinds[i] === kind; i++) items.push(`- ${w.lines[i]}`);
      sections.push(`${ALERT_KIND_LABELS[kind]?.[language] ?? kind} (${items.length})\n${items.join('\n')}`);
    }
    return { subject: render(text.subject, { count }), body: sections.join('\n\n') };
  }
}
