import { Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope, Role } from '@ogp/auth';
import { CommitmentView } from '@ogp/contracts';
import type { QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import { CommitmentRow } from '../commitments/commitment-row';
import { CommitmentViews } from '../commitments/commitment-views.service';
import { CommitmentsRepository, OpeningRead } from '../commitments/commitments.repository';
import { ProgressEngine } from './progress-engine';
import { StrategyReadings } from './rollup.repository';

/**
 * What a change returns: false when it leaves progress alone (no new version, no recompute);
 * anything else bumps the commitment's version and recomputes its progress. A change that read
 * its strategy's readings in its own statement, and gave the commitment its new version (and
 * update time) there, returns them: the recompute reads nothing more.
 */
export type CommitmentChange = (
  m: EntityManager,
  row: CommitmentRow,
  actor: Actor,
  opened: QueryResultRow[],
) => Promise<boolean | void | StrategyReadings>;

/** Every command on one commitment (`opening`: a read sent with the lock, its rows handed to the change): lock it, check the actor's scope, change, recompute, answer the fresh card (read with the commit where it can be). */
@Injectable()
export class CommitmentChangeRunner {
  constructor(
    private readonly commitments: CommitmentsRepository,
    private readonly engine: ProgressEngine,
    private readonly views: CommitmentViews,
  ) {}

  async run(
    actor: Actor | null,
    commitmentId: string,
    roles: readonly Role[],
    change: CommitmentChange,
    opening?: OpeningRead,
  ): Promise<CommitmentView> {
    assertRole(actor, roles);
    let remote = false;
    let answer: (() => Promise<CommitmentView>) | undefined;
    await this.commitments.lockedTransaction(
      commitmentId,
      async (m, row, opened) => {
        assertScope(actor, roles, { institutionId: row.lead_institution_id });
        const recompute = await change(m, row, actor, opened);
        if (recompute !== false) {
          const readings = typeof recompute === 'object' ? recompute : undefined;
          remote = !(await this.engine.recomputeLocal(m, row, actor.id, { touch: true }, readings));
        }
        // A remote strategy's answer comes after the commit: the card is read after it.
        if (!remote) answer = await this.views.cardAfterCommit(m, commitmentId);
      },
      opening,
    );
    if (remote) await this.engine.recomputeRemote(commitmentId, actor.id);
    return answer ? answer() : this.views.get(commitmentId);
  }

  /** Recomputes one commitment whose strategy choice changed. */
  async recompute(commitmentId: string, actorId: string): Promise<void> {
    const remote = await this.commitments.lockedTransaction(commitmentId, async (m, row) => {
      return !(await this.engine.recomputeLocal(m, row, actorId, { touch: false }));
    });
    if (remote) await this.engine.recomputeRemote(commitmentId, actorId);
  }
}
