import { Inject, Injectable } from '@nestjs/common';
import { CommitmentsEvents, DomainError, ErrorCode, rpc, TrackingInput, TrackingResult } from '@ogp/contracts';
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
import { RollupRepository, StrategyReadings } from './rollup.repository';

/**
 * Turns a commitment's activities into its progress through its tracking strategy, applies it
 * (derived completion level unless overridden), rolls the change up to its area and plan by
 * delta, and records history and events (one statement for all of it). Callers hold the
 * commitment row lock.
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

  async input(
    manager: EntityManager,
    row: CommitmentRow,
    bump: { touch: boolean } | null = null,
  ): Promise<TrackingInput> {
    return this.inputFrom(row, await this.rollup.inputOf(manager, row.id, bump));
  }

  private inputFrom(row: CommitmentRow, readings: StrategyReadings): TrackingInput {
    return {
      commitmentId: row.id,
      ...readings,
      manualLevel: row.manual_level ?? null,
      today: today(this.clock, row.time_zone),
    };
  }

  /**
   * Recomputes with a local strategy inside the caller's transaction. Returns false when the
   * strategy is remote: the caller then runs recomputeRemote() after its commit. With `bump`, the
   * commitment first gets a new version (a remote strategy's answer to an older one is dropped),
   * in the statement that reads the strategy's input when the strategy is local. `readings`: the
   * input, read by the caller's own statement, which made that bump too.
   */
  async recomputeLocal(
    manager: EntityManager,
    row: CommitmentRow,
    actorId: string | null,
    bump: { touch: boolean } | null = null,
    readings?: StrategyReadings,
  ): Promise<boolean> {
    const { key } = resolveStrategy(row);
    const strategy = isRemoteKey(key) ? undefined : this.registry.get(key);
    if (!strategy) {
      if (bump) {
        if (!readings) await this.commitments.bumpVersion(manager, row.id, bump.touch);
        row.version += 1;
      }
      if (isRemoteKey(key)) return false;
      await this.rollup.markStale(manager, row.id, `unknown tracking strategy "${key}"`);
      return true;
    }
    const input = readings ? this.inputFrom(row, readings) : await this.input(manager, row, bump);
    if (bump) row.version += 1;
    await this.apply(manager, row, strategy.compute(input), key, actorId);
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
    const base = eventBase(row);
    const journal = this.journal.rows(manager, row.id, actorId);
    if (after !== before)
      journal.add(
        { action: 'progress_changed', before: { progress: before }, after: { progress: after, strategy } },
        { contract: CommitmentsEvents.progressChanged, data: { ...base, before, after, strategy } },
      );
    if (level !== levelBefore)
      journal.add(
        { action: 'completion_level_changed', before: { level: levelBefore }, after: { level } },
        {
          contract: CommitmentsEvents.completionLevelChanged,
          data: { ...base, before: levelBefore, after: level, reason: override?.reason ?? null },
        },
      );
    await this.rollup.apply(
      manager,
      row.id,
      { progress: after, completionLevel: level, explanation: result.explanation ?? null },
      { areaId: row.area_id, planId: row.plan_id, delta: rollupDelta(before, after, Number(row.rollup_weight)) },
      journal,
    );
    row.progress = String(after);
    row.completion_level = level;
    row.version += 1;
  }
}
