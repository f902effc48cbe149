import { Inject, Injectable } from '@nestjs/common';
import {
  CompletionLevel,
  COMPLETION_LEVELS,
  DomainError,
  ErrorCode,
  PlanEvents,
  TrackingInput,
  TrackingResult,
} from '@ogp/contracts';
import { NatsRpcClient, OutboxWriter } from '@ogp/messaging';
import { Clock, LOGGER } from '@ogp/runtime';
import {
  completionLevelFor,
  today,
  isRemoteKey,
  remoteSubject,
  resolveStrategyKey,
  roundProgress,
  StrategyRegistry,
} from '@ogp/tracking';
import { rpc } from '@ogp/contracts';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { recordChange } from '../programmes/change-history';
import { CommitmentRow, eventBase } from './commitment-row';

export const STRATEGY_REGISTRY = Symbol('STRATEGY_REGISTRY');
export const REMOTE_STRATEGY_TIMEOUT_MS = Symbol('REMOTE_STRATEGY_TIMEOUT_MS');

export interface ResolvedStrategy {
  key: string;
  source: 'commitment' | 'institution' | 'programme' | 'default';
}

/**
 * Turns a commitment's activities into its progress through its tracking strategy, applies it
 * (derived completion level unless overridden), rolls the change up to its area and plan by
 * delta, and records history and events. Callers hold the commitment row lock.
 */
@Injectable()
export class ProgressEngine {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly rpc: NatsRpcClient,
    private readonly clock: Clock,
    @Inject(STRATEGY_REGISTRY) private readonly registry: StrategyRegistry,
    @Inject(REMOTE_STRATEGY_TIMEOUT_MS) private readonly remoteTimeoutMs: number,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  resolve(
    row: Pick<CommitmentRow, 'tracking_strategy' | 'institution_strategy' | 'programme_strategy'>,
  ): ResolvedStrategy {
    const key = resolveStrategyKey({
      commitment: row.tracking_strategy,
      institution: row.institution_strategy,
      programme: row.programme_strategy,
    });
    const source = row.tracking_strategy
      ? 'commitment'
      : row.institution_strategy
        ? 'institution'
        : row.programme_strategy
          ? 'programme'
          : 'default';
    return { key, source };
  }

  /** Locks and loads a commitment with what its strategy needs to know of its programme and institution. */
  async lock(manager: EntityManager, commitmentId: string): Promise<CommitmentRow> {
    const [row] = await manager.query(
      `SELECT c.*, pl.programme_id, p.time_zone, p.tracking_strategy AS programme_strategy, i.tracking_strategy AS institution_strategy
         FROM commitments c
         JOIN plans pl ON pl.id = c.plan_id
         JOIN programmes p ON p.id = pl.programme_id
         JOIN institutions i ON i.id = c.lead_institution_id
        WHERE c.id = $1
        FOR UPDATE OF c`,
      [commitmentId],
    );
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such commitment');
    return row as CommitmentRow;
  }

  async input(manager: EntityManager, row: CommitmentRow): Promise<TrackingInput> {
    const activities = await manager.query(
      `SELECT id, weight::float8 AS weight, progress::float8 AS progress, status, end_date::text AS "endDate"
         FROM activities WHERE commitment_id = $1 AND removed_at IS NULL ORDER BY position, created_at`,
      [row.id],
    );
    const indicators = await manager.query(
      `SELECT id, baseline::float8 AS baseline, target::float8 AS target, current::float8 AS current FROM indicators WHERE commitment_id = $1`,
      [row.id],
    );
    return {
      commitmentId: row.id,
      activities,
      indicators,
      manualLevel: (row.manual_level as CompletionLevel) ?? null,
      today: today(this.clock, row.time_zone),
    };
  }

  /**
   * Recomputes with a local strategy inside the caller's transaction. Returns false when the
   * strategy is remote: the caller then runs recomputeRemote() after its commit.
   */
  async recomputeLocal(manager: EntityManager, row: CommitmentRow, actorId: string | null): Promise<boolean> {
    const { key } = this.resolve(row);
    if (isRemoteKey(key)) return false;
    const strategy = this.registry.get(key);
    if (!strategy) {
      await this.markStale(manager, row.id, `unknown tracking strategy "${key}"`);
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
        const row = await this.lock(m, commitmentId);
        return { row, input: await this.input(m, row) };
      });
      const { key } = this.resolve(snapshot.row);
      if (!isRemoteKey(key)) return;
      let result: TrackingResult;
      try {
        const answer = await this.rpc.request(rpc<TrackingInput, unknown>(remoteSubject(key)), snapshot.input, {
          timeoutMs: this.remoteTimeoutMs,
        });
        result = this.validateRemote(answer);
      } catch (err) {
        const reason =
          err instanceof DomainError && err.code === ErrorCode.UPSTREAM_TIMEOUT
            ? `remote strategy ${key} did not answer in ${this.remoteTimeoutMs} ms`
            : `remote strategy ${key} failed: ${(err as Error).message}`;
        this.logger.warn({ commitmentId, strategy: key, reason }, 'progress left as it was, marked stale');
        await this.dataSource.transaction(async (m) => {
          const row = await this.lock(m, commitmentId);
          if (row.version === snapshot.row.version) await this.markStale(m, commitmentId, reason.slice(0, 300));
        });
        return;
      }
      const applied = await this.dataSource.transaction(async (m) => {
        const row = await this.lock(m, commitmentId);
        if (row.version !== snapshot.row.version) return false;
        await this.apply(m, row, result, key, actorId);
        return true;
      });
      if (applied) return;
    }
  }

  private validateRemote(answer: unknown): TrackingResult {
    const a = answer as Partial<TrackingResult> | null;
    if (
      !a ||
      typeof a !== 'object' ||
      typeof a.progress !== 'number' ||
      !Number.isFinite(a.progress) ||
      a.progress < 0 ||
      a.progress > 100
    ) {
      throw new Error('malformed answer: progress must be a number from 0 to 100');
    }
    if (a.completionLevel !== undefined && !(COMPLETION_LEVELS as readonly string[]).includes(a.completionLevel)) {
      throw new Error('malformed answer: unknown completion level');
    }
    return {
      progress: a.progress,
      completionLevel: a.completionLevel,
      explanation: typeof a.explanation === 'string' ? a.explanation.slice(0, 300) : undefined,
    };
  }

  async markStale(manager: EntityManager, commitmentId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE commitments SET progress_stale = true, stale_reason = $2 WHERE id = $1`, [
      commitmentId,
      reason,
    ]);
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
    const levelBefore = row.completion_level as CompletionLevel;
    const override = row.level_override as { level: CompletionLevel; reason: string } | null;
    const levelAfter: CompletionLevel = override?.level ?? result.completionLevel ?? completionLevelFor(after);
    await manager.query(
      `UPDATE commitments SET progress = $2, completion_level = $3, progress_explanation = $4, progress_stale = false, stale_reason = NULL,
              progress_updated_at = now(), version = version + 1 WHERE id = $1`,
      [row.id, after, levelAfter, result.explanation ?? null],
    );
    const delta = (after - before) * Number(row.rollup_weight);
    if (delta !== 0) {
      await manager.query(`UPDATE areas SET progress_sum = progress_sum + $2 WHERE id = $1`, [row.area_id, delta]);
      await manager.query(`UPDATE plans SET progress_sum = progress_sum + $2 WHERE id = $1`, [row.plan_id, delta]);
    }
    const base = eventBase(row);
    if (after !== before) {
      await recordChange(manager, {
        entityType: 'commitment',
        entityId: row.id,
        action: 'progress_changed',
        actorId,
        before: { progress: before },
        after: { progress: after, strategy },
      });
      await this.outbox.add(manager, PlanEvents.progressChanged, {
        aggregate: { type: 'commitment', id: row.id },
        data: { ...base, before, after, strategy },
        actorId,
      });
    }
    if (levelAfter !== levelBefore) {
      await recordChange(manager, {
        entityType: 'commitment',
        entityId: row.id,
        action: 'completion_level_changed',
        actorId,
        before: { level: levelBefore },
        after: { level: levelAfter },
      });
      await this.outbox.add(manager, PlanEvents.completionLevelChanged, {
        aggregate: { type: 'commitment', id: row.id },
        data: { ...base, before: levelBefore, after: levelAfter, reason: override?.reason ?? null },
        actorId,
      });
    }
    row.progress = String(after);
    row.completion_level = levelAfter;
    row.version += 1;
  }
}
