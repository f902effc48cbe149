import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

export interface IdempotentAnswer {
  fingerprint: string;
  /** null while the first request is still running. */
  status: number | null;
  body: unknown;
}

/** How long a first answer is replayed. */
const KEPT_HOURS = 24;
/** How often answers past KEPT_HOURS are purged (and once at boot). */
export const PURGE_EVERY_MS = 60 * 60 * 1000;
/** Rows deleted per statement by a purge, so it never holds a long lock. */
const PURGE_BATCH = 5000;

/**
 * The kept answers. Answers older than KEPT_HOURS are never replayed (claim() drops the one it
 * meets), and a periodic purge deletes the rest, so the table holds at most a day of writes.
 */
@Injectable()
export class IdempotentAnswersRepository implements OnApplicationBootstrap, OnModuleDestroy {
  private purgeTimer: NodeJS.Timeout | null = null;
  private purging: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedulePurge(PURGE_EVERY_MS);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    await this.purging;
  }

  /** Purges now, then every `everyMs` (a test may shorten it). */
  schedulePurge(everyMs: number): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    const run = (): void => {
      this.purging = this.purging.then(() =>
        this.purgeExpired().catch((err: Error) =>
          this.logger.warn({ err: err.message }, 'expired idempotent answers could not be purged'),
        ),
      );
    };
    run();
    this.purgeTimer = setInterval(run, everyMs);
    this.purgeTimer.unref();
  }

  /** Deletes every answer older than KEPT_HOURS, in bounded batches; returns how many. */
  async purgeExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(
        `WITH expired AS (
           DELETE FROM idempotent_answers WHERE (actor_id, key) IN (
             SELECT actor_id, key FROM idempotent_answers WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
           RETURNING 1)
         SELECT count(*)::int AS n FROM expired`,
        [KEPT_HOURS, PURGE_BATCH],
      );
      total += n;
      if (n < PURGE_BATCH) break;
    }
    if (total > 0) this.logger.info({ purged: total }, 'expired idempotent answers purged');
    return total;
  }

  /** Takes the key for this request; false when another request holds it (answered or running). */
  async claim(actorId: string, key: string, fingerprint: string): Promise<boolean> {
    // An expired answer goes; so does a claim never completed after 30 s (its gateway died mid-request, far past the RPC
    // timeout). Running it again is safe: the owning service keeps the key with its change (runIdempotent).
    await this.dataSource.query(
      `DELETE FROM idempotent_answers WHERE actor_id = $1 AND key = $2
          AND (created_at < now() - make_interval(hours => $3) OR (status IS NULL AND created_at < now() - interval '30 seconds'))`,
      [actorId, key, KEPT_HOURS],
    );
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotent_answers (actor_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT (actor_id, key) DO NOTHING RETURNING key`,
      [actorId, key, fingerprint],
    );
    return claimed.length === 1;
  }

  async find(actorId: string, key: string): Promise<IdempotentAnswer | undefined> {
    const [row] = await this.dataSource.query<IdempotentAnswer[]>(
      `SELECT fingerprint, status, body FROM idempotent_answers WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    return row ? { fingerprint: row.fingerprint, status: row.status, body: row.body } : undefined;
  }

  async complete(actorId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotent_answers SET status = $3, body = $4 WHERE actor_id = $1 AND key = $2`,
      [actorId, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** The request failed: nothing to replay, a retry runs it again. */
  async release(actorId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotent_answers WHERE actor_id = $1 AND key = $2 AND status IS NULL`, [
      actorId,
      key,
    ]);
  }
}
