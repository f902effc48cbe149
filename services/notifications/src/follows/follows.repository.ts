import { Injectable } from '@nestjs/common';
import { FollowTarget, FollowView, Localized, PhaseView } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Recipient } from '../recipients/recipient';

interface FollowRow {
  kind: FollowTarget;
  id: string;
  title: Localized;
  followed_at: Date;
}

/** A phase of a followed cycle that opened and is announced now. */
export interface OpenedPhase {
  cycleId: string;
  kind: string;
  opensAt: Date;
  closesAt: Date;
  title: Localized;
}

const toView = (r: FollowRow): FollowView => ({
  kind: r.kind,
  id: r.id,
  title: r.title,
  followedAt: r.followed_at.toISOString(),
});

/** Follows of commitments and cycles, and the phases of followed cycles. */
@Injectable()
export class FollowsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Following again keeps the first date and refreshes the title. */
  async put(
    manager: EntityManager,
    userId: string,
    kind: FollowTarget,
    id: string,
    title: Localized,
  ): Promise<FollowView> {
    const [row] = await manager.query<FollowRow[]>(
      `INSERT INTO follows (user_id, target_kind, target_id, title) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, target_kind, target_id) DO UPDATE SET title = EXCLUDED.title
       RETURNING target_kind AS kind, target_id AS id, title, followed_at`,
      [userId, kind, id, JSON.stringify(title)],
    );
    return toView(row);
  }

  async remove(userId: string, kind: FollowTarget, id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM follows WHERE user_id = $1 AND target_kind = $2 AND target_id = $3`, [
      userId,
      kind,
      id,
    ]);
  }

  async list(userId: string, limit: number, offset: number): Promise<{ items: FollowView[]; total: number }> {
    const rows = await this.dataSource.query<FollowRow[]>(
      `SELECT target_kind AS kind, target_id AS id, title, followed_at FROM follows WHERE user_id = $1
        ORDER BY followed_at DESC, target_id LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM follows WHERE user_id = $1`,
      [userId],
    );
    return { items: rows.map(toView), total };
  }

  async savePhases(cycleId: string, phases: PhaseView[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM cycle_phases WHERE cycle_id = $1`, [cycleId]);
      for (const p of phases) {
        await m.query(`INSERT INTO cycle_phases (cycle_id, kind, opens_at, closes_at) VALUES ($1, $2, $3, $4)`, [
          cycleId,
          p.kind,
          p.opensAt,
          p.closesAt,
        ]);
      }
    });
  }

  /** The active people following an item (since before `since`, when given). */
  followers(manager: EntityManager, kind: FollowTarget, id: string, since?: Date): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT r.user_id AS "userId", r.language, r.email FROM follows f JOIN recipients r ON r.user_id = f.user_id
        WHERE r.active AND f.target_kind = $1 AND f.target_id = $2 AND ($3::timestamptz IS NULL OR f.followed_at < $3)
        ORDER BY r.user_id`,
      [kind, id, since ?? null],
    );
  }

  /** The title an item had when it was last followed (the follows keep it for listing). */
  async title(manager: EntityManager, kind: FollowTarget, id: string): Promise<Localized | null> {
    const [row] = await manager.query<{ title: Localized }[]>(
      `SELECT title FROM follows WHERE target_kind = $1 AND target_id = $2 ORDER BY followed_at DESC LIMIT 1`,
      [kind, id],
    );
    return row?.title ?? null;
  }

  /** Phases of followed cycles that opened by `now` and were not announced yet: claimed here, once. */
  claimOpenedPhases(manager: EntityManager, now: Date): Promise<OpenedPhase[]> {
    return manager.query<OpenedPhase[]>(
      `WITH due AS (
         INSERT INTO phase_announcements (cycle_id, kind, opens_at)
         SELECT p.cycle_id, p.kind, p.opens_at FROM cycle_phases p
          WHERE p.opens_at <= $1 AND EXISTS (SELECT 1 FROM follows f WHERE f.target_kind = 'cycle' AND f.target_id = p.cycle_id AND f.followed_at < p.opens_at)
         ON CONFLICT DO NOTHING RETURNING cycle_id, kind, opens_at)
       SELECT d.cycle_id AS "cycleId", d.kind, d.opens_at AS "opensAt", p.closes_at AS "closesAt",
              (SELECT f.title FROM follows f WHERE f.target_kind = 'cycle' AND f.target_id = d.cycle_id LIMIT 1) AS title
         FROM due d JOIN cycle_phases p ON p.cycle_id = d.cycle_id AND p.kind = d.kind`,
      [now],
    );
  }
}
