import { headers as natsHeaders, JetStreamClient } from 'nats';
import type { Logger } from 'pino';
import { transactionOpenedWith } from '@ogp/persistence';
import { DataSource } from 'typeorm';
import { withPrefix } from './subject';

/** The one part of a JetStream client the relay uses; a test can wrap it. */
export type EventPublisher = Pick<JetStreamClient, 'publish'>;

export interface OutboxRelayOptions {
  dataSource: DataSource;
  publisher: EventPublisher;
  prefix: string;
  logger: Logger;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Published rows older than this are deleted; they are already in the stream. */
  retentionHours?: number;
  /** After a partial batch, wait this long so commits arriving together leave in one batch. */
  coalesceMs?: number;
}

interface OutboxRow {
  /** bigserial: pg hands it over as a string. */
  seq: string;
  id: string;
  subject: string;
  envelope: string;
  headers: Record<string, string>;
}

const encoder = new TextEncoder();

/**
 * A relay's claim: the oldest pending rows, locked (SKIP LOCKED, so replicas share the work) and
 * marked published. It walks the pending index in order, an index scan rather than a bitmap scan:
 * each published row leaves a dead entry in that index until a vacuum; an index scan marks the dead
 * entries it meets and the next claims skip them, where a bitmap scan visits every such entry's heap
 * page at every claim (measured on the commitments service's outbox after 7,229 published rows and no
 * vacuum: 1.2 ms and 1,832 buffers a claim, against 0.05 ms and 30 buffers).
 */
export const OUTBOX_CLAIM = {
  settings: 'SET LOCAL enable_bitmapscan = off',
  statement: (batchSize: number) =>
    `UPDATE outbox SET published_at = now() WHERE seq IN (
       SELECT seq FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
     ) RETURNING seq, id, subject, envelope::text AS envelope, headers`,
};

/**
 * Moves committed outbox rows to JetStream. A batch is locked (SKIP LOCKED, so replicas share
 * the work) and marked published, published with the row id as Nats-Msg-Id, and committed once
 * JetStream acknowledged it. A relay that dies mid-batch rolls back; the next one republishes the batch and
 * JetStream's duplicate window (plus each consumer's inbox) drops the copies.
 */
export class OutboxRelay {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  /** A commit that wrote events asked for a batch since the current one began. */
  private kicked = false;
  private lastPrune = 0;
  published = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loopDone;
  }

  /**
   * Wakes the loop now instead of at the next poll (called after a commit that wrote events). A
   * kick while a batch runs is kept: that batch may have missed the commit, so another follows.
   */
  kick(): void {
    this.kicked = true;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /**
   * Publishes one batch; returns how many rows it moved. Two round trips: the batch is claimed
   * (locked and marked published) by a statement that travels with START TRANSACTION, then, once
   * JetStream has acknowledged every row, COMMIT. A publish that fails rolls the marks back.
   */
  async relayOnce(): Promise<number> {
    const { dataSource, publisher, prefix } = this.options;
    const batchSize = Math.max(1, Math.floor(this.options.batchSize ?? 500));
    const moved = await transactionOpenedWith<Record<string, never>, number>(
      dataSource,
      () => `${OUTBOX_CLAIM.settings}; ${OUTBOX_CLAIM.statement(batchSize)}`,
      async (_m, _set, [result]) => {
        const claimed = result as OutboxRow[];
        if (claimed.length === 0) return 0;
        // RETURNING keeps no order: publish in the order the rows were written.
        const rows = claimed.sort((a, b) => Number(a.seq) - Number(b.seq));
        await Promise.all(
          rows.map((row) => {
            const h = natsHeaders();
            for (const [key, value] of Object.entries(row.headers ?? {})) h.set(key, value);
            return publisher.publish(withPrefix(prefix, row.subject), encoder.encode(row.envelope), {
              msgID: row.id,
              headers: h,
            });
          }),
        );
        return rows.length;
      },
    );
    this.published += moved;
    return moved;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let moved = 0;
      // Reset before the batch's claim: a commit kicking from here on is either claimed by it or runs another.
      this.kicked = false;
      try {
        moved = await this.relayOnce();
        failures = 0;
        await this.pruneIfDue();
      } catch (err) {
        failures += 1;
        const delay = Math.min(30000, 200 * 2 ** Math.min(failures, 8));
        this.options.logger.warn(
          { err: (err as Error).message, retryInMs: delay },
          'outbox relay batch failed; it will be retried',
        );
        await this.sleep(delay);
        continue;
      }
      if (moved >= (this.options.batchSize ?? 500)) continue;
      // A partial batch took every row committed before it, save those of commits that kicked meanwhile:
      // for those, a short wait gathers the commits arriving together; otherwise the relay sleeps until
      // a kick, or the next poll (rows written by other processes, or by this one without a kick).
      if (this.kicked) await new Promise((r) => setTimeout(r, this.options.coalesceMs ?? 20));
      else await this.sleep(this.options.pollIntervalMs ?? 1000);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async pruneIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 10 * 60 * 1000) return;
    this.lastPrune = now;
    const hours = this.options.retentionHours ?? 24 * 7;
    await this.options.dataSource.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`, [
      hours,
    ]);
  }
}
