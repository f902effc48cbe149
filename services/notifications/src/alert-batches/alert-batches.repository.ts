import { Injectable } from '@nestjs/common';
import { AlertKind, Language } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

/** The alert e-mails of one sweep waiting for one person, in the order the gathered e-mail lists them. */
export interface WaitingAlerts {
  recipientId: string;
  toAddress: string;
  language: Language;
  ids: string[];
  kinds: AlertKind[];
  lines: string[];
}

interface SweepRow {
  handled: number;
  size: number;
  flushed_at: Date | null;
}

/** The sweeps whose alerts are being gathered (alert_sweeps) and their e-mails waiting in the queue. */
@Injectable()
export class AlertBatchesRepository {
  /** Counts one alert of the sweep in (locking the sweep's row); false when its e-mails already went out. */
  async join(manager: EntityManager, sweep: { id: string; size: number }): Promise<boolean> {
    const [row] = await manager.query<Pick<SweepRow, 'flushed_at'>[]>(
      `INSERT INTO alert_sweeps (sweep_id, size, handled) VALUES ($1, $2, 1)
       ON CONFLICT (sweep_id) DO UPDATE SET handled = alert_sweeps.handled + 1 RETURNING flushed_at`,
      [sweep.id, sweep.size],
    );
    return row.flushed_at === null;
  }

  /** True when every alert of the sweep is counted in and its e-mails have not gone out yet. */
  async complete(manager: EntityManager, sweepId: string): Promise<boolean> {
    const [row] = await manager.query<SweepRow[]>(
      `SELECT handled, size, flushed_at FROM alert_sweeps WHERE sweep_id = $1`,
      [sweepId],
    );
    return row !== undefined && row.flushed_at === null && row.handled >= row.size;
  }

  /** Sweeps still gathering after `waitSeconds` (one never completed): locked for this flush, skipped by others. */
  async lockStale(manager: EntityManager, waitSeconds: number): Promise<string[]> {
    const rows = await manager.query<{ sweep_id: string }[]>(
      `SELECT sweep_id FROM alert_sweeps WHERE flushed_at IS NULL AND first_seen_at < now() - make_interval(secs => $1)
          ORDER BY first_seen_at LIMIT 20 FOR UPDATE SKIP LOCKED`,
      [waitSeconds],
    );
    return rows.map((r) => r.sweep_id);
  }

  waiting(manager: EntityManager, sweepId: string): Promise<WaitingAlerts[]> {
    return manager.query<WaitingAlerts[]>(
      `SELECT q.recipient_id AS "recipientId", q.to_address AS "toAddress", coalesce(r.language, 'ar') AS language,
              array_agg(q.id ORDER BY q.batch_kind, q.created_at, q.id) AS ids,
              array_agg(q.batch_kind ORDER BY q.batch_kind, q.created_at, q.id) AS kinds,
              array_agg(q.batch_line ORDER BY q.batch_kind, q.created_at, q.id) AS lines
         FROM email_queue q LEFT JOIN recipients r ON r.user_id = q.recipient_id
        WHERE q.status = 'batched' AND q.batch_key = $1
        GROUP BY q.recipient_id, q.to_address, r.language`,
      [sweepId],
    );
  }

  /** A lone alert e-mail goes out as it is. */
  async release(manager: EntityManager, emailId: string): Promise<void> {
    await manager.query(`UPDATE email_queue SET status = 'pending', next_attempt_at = now() WHERE id = $1`, [emailId]);
  }

  /** The alerts' own e-mails, now listed in the gathered one. */
  async markGrouped(manager: EntityManager, emailIds: string[]): Promise<void> {
    await manager.query(`UPDATE email_queue SET status = 'grouped' WHERE id = ANY($1::uuid[])`, [emailIds]);
  }

  async markFlushed(manager: EntityManager, sweepId: string): Promise<void> {
    await manager.query(`UPDATE alert_sweeps SET flushed_at = now() WHERE sweep_id = $1`, [sweepId]);
  }
}
