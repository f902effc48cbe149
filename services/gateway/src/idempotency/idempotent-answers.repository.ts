import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface IdempotentAnswer {
  fingerprint: string;
  /** null while the first request is still running. */
  status: number | null;
  body: unknown;
}

/** How long a first answer is replayed. */
const KEPT_HOURS = 24;

@Injectable()
export class IdempotentAnswersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the key for this request; false when another request holds it (answered or running). */
  async claim(actorId: string, key: string, fingerprint: string): Promise<boolean> {
    // An expired answer goes; so does a claim never completed after a minute (its gateway died mid-request, far past the RPC timeout).
    await this.dataSource.query(
      `DELETE FROM idempotent_answers WHERE actor_id = $1 AND key = $2
          AND (created_at < now() - make_interval(hours => $3) OR (status IS NULL AND created_at < now() - interval '1 minute'))`,
      [actorId, key, KEPT_HOURS],
    );
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotent_answers (actor_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT (actor_id, key) DO NOTHING RETURNING key`,
      [actorId, key, fingerprint],
    );
    return claimed.length === 1;
  }

  async find(actorId: string, key: string): Promise<IdempotentAnswer | undefined> {
    const [row] = await this.dataSource.query(`SELECT fingerprint, status, body FROM idempotent_answers WHERE actor_id = $1 AND key = $2`, [actorId, key]);
    return row ? { fingerprint: row.fingerprint, status: row.status, body: row.body } : undefined;
  }

  async complete(actorId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE idempotent_answers SET status = $3, body = $4 WHERE actor_id = $1 AND key = $2`, [actorId, key, status, JSON.stringify(body ?? null)]);
  }

  /** The request failed: nothing to replay, a retry runs it again. */
  async release(actorId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotent_answers WHERE actor_id = $1 AND key = $2 AND status IS NULL`, [actorId, key]);
  }
}
