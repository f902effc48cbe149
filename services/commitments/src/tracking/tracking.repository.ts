import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type StrategyTarget = 'programme' | 'institution' | 'commitment';

/** Where each level keeps its choice, and how a commitment is found under it. */
const TABLE: Record<StrategyTarget, string> = {
  programme: 'programmes',
  institution: 'institutions',
  commitment: 'commitments',
};
const SCOPE: Record<StrategyTarget, string> = {
  programme: 'pl.programme_id',
  institution: 'c.lead_institution_id',
  commitment: 'c.id',
};

/** The tracking strategy chosen for a programme, an institution or one commitment. */
@Injectable()
export class TrackingRepository {
  /** Locks the target and reads its choice; undefined when there is no such target. */
  async lockChoice(
    m: EntityManager,
    target: StrategyTarget,
    id: string,
  ): Promise<{ tracking_strategy: string | null } | undefined> {
    const [row] = await m.query<{ tracking_strategy: string | null }[]>(
      `SELECT tracking_strategy FROM ${TABLE[target]} WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async setChoice(m: EntityManager, target: StrategyTarget, id: string, strategy: string | null): Promise<void> {
    await m.query(`UPDATE ${TABLE[target]} SET tracking_strategy = $2 WHERE id = $1`, [id, strategy]);
  }

  /** The commitments the target's choice governs. */
  async governedCommitments(m: EntityManager, target: StrategyTarget, id: string): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT c.id FROM commitments c JOIN plans pl ON pl.id = c.plan_id WHERE ${SCOPE[target]} = $1`,
      [id],
    );
    return rows.map((r) => r.id);
  }
}
