import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, PlanEvents, rpc, TrackingInput, TrackingResult } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { Clock, LOGGER } from '@ogp/runtime';
import { isRemoteKey, remoteSubject, roundProgress, StrategyRegistry, today } from '@ogp/tracking';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { CommitmentRow, eventBase } from '../commitments/commitment-row';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { CommitmentJournal } from '../history/commitment-journal';
import { resolveStrategy } from '../tracking/strategy-source';
import { REMOTE_STRATEGY_TIMEOUT_MS, STRATEGY_REGISTRY } from '../tracking/tracking.constant';
import { levelAfter, rollupDelta, validateRemoteAnswer } from './rollup';
import { RollupRepository } from './rollup.repository';

/**
 * Turns a commitment's activities into its progress through its tracking strategy, applies it
 * (derived completion level unless overridden), rolls the change up to its area and plan by
 * delta, and records history and events. Callers hold the commitment row lock.
 */
@Injectable()
export class ProgressEngine {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rpc: NatsRpcClient,
    private readonly clock: Clock,
    private readonly commitments: CommitmentsRepository,
    private readonly rollup: RollupRepository,
    private readonly journal: CommitmentJournal,
    @Inject(STRATEGY_REGISTRY) private readonly registry: StrategyRegistry,
    @Inject(REMOTE_STRATEGY_TIMEOUT_MS) private readonly remoteTimeoutMs: number,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async input(manager: EntityManager, row: CommitmentRow): Promise<TrackingInput> {
    return {
      commitmentId: row.id,
      ...(await this.rollup.inputOf(manager, row.id)),
      manualLevel: row.manual_level ?? null,
      today: today(this.clock, row.time_zone),
    };
  }

  /**
   * Recomputes with a local strategy inside the caller's transaction. Returns false when the
   * strategy is remote: the caller then runs recomputeRemote() after its commit.
   */
  async recomputeLocal(manager: EntityManager, row: CommitmentRow, actorId: string | null): Promise<boolean> {
    const { key } = resolveStrategy(row);
    if (isRemoteKey(key)) return false;
    const strategy = this.registry.get(key);
    if (!strategy) {
      await this.rollup.markStale(manager, row.id, `unknown tracking strategy "${key}"`);
      return true;
    }
    const result = strategy.compute(await this.input(manager, row));
    await this.apply(manager, row, result, key, actorId);
    return true;
  }

  /**
   * Asks a remote strategy over NATS (outside any transaction), then applies its answer if the
   * commitment did not change meanwhile. A timeout or a malformed answer leaves the last
   * progress in place, marked stale with the reason.
   */
  async recomputeRemote(commitmentId: string, actorId: string | null): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const snapshot = await this.dataSource.transaction(async (m) => {
        const row = await this.commitments.lock(m, commitmentId);
        return { row, input: await this.input(m, row) };
      });
      const { key } = resolveStrategy(snapshot.row);
      if (!isRemoteKey(key)) return;
      let result: TrackingResult;
      try {
        const answer = await this.rpc.request(rpc<TrackingInput, unknown>(remoteSubject(key)), snapshot.input, {
          timeoutMs: this.remoteTimeoutMs,
        });
        result = validateRemoteAnswer(answer);
      } catch (err) {
        const reason =
          err instanceof DomainError && err.code === ErrorCode.UPSTREAM_TIMEOUT
            ? `remote strategy ${key} did not answer in ${this.remoteTimeoutMs} ms`
            : `remote strategy ${key} failed: ${(err as Error).message}`;
        this.logger.warn({ commitmentId, strategy: key, reason }, 'progress left as it was, marked stale');
        await this.dataSource.transaction(async (m) => {
          const row = await this.commitments.lock(m, commitmentId);
          if (row.version === snapshot.row.version) await this.rollup.markStale(m, commitmentId, reason.slice(0, 300));
        });
        return;
      }
      const applied = await this.dataSource.transaction(async (m) => {
        const row = await this.commitments.lock(m, commitmentId);
        if (row.version !== snapshot.row.version) return false;
        await this.apply(m, row, result, key, actorId);
        return true;
      });
      if (applied) return;
    }
  }

  /** Writes a computed result; the row was locked by the caller. */
  async apply(
    manager: EntityManager,
    row: CommitmentRow,
    result: TrackingResult,
    strategy: string,
    actorId: string | null,
  ): Promise<void> {
    const before = Number(row.progress);
    const after = roundProgress(result.progress);
    const levelBefore = row.completion_level;
    const override = row.level_override;
    const level = levelAfter(override, result.completionLevel, after);
    await this.rollup.apply(manager, row.id, {
      progress: after,
      completionLevel: level,
      explanation: result.explanation ?? null,
    });
    const delta = rollupDelta(before, after, Number(row.rollup_weight));
    if (delta !== 0) await this.rollup.addToSums(manager, row.area_id, row.plan_id, delta);
    const base = eventBase(row);
    if (after !== before)
      await this.journal.record(
        manager,
        row.id,
        actorId,
        { action: 'progress_changed', before: { progress: before }, after: { progress: after, strategy } },
        { contract: PlanEvents.progressChanged, data: { ...base, before, after, strategy } },
      );
    if (level !== levelBefore)
      await this.journal.record(
        manager,
        row.id,
        actorId,
        { action: 'completion_level_changed', before: { level: levelBefore }, after: { level } },
        {
          contract: PlanEvents.completionLevelChanged,
          data: { ...base, before: levelBefore, after: level, reason: override?.reason ?? null },
        },
      );
    row.progress = String(after);
    row.completion_level = level;
    row.version += 1;
  }
}
