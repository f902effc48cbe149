import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import { DomainError, ErrorCode, SetStrategyDto } from '@ogp/contracts';
import { StrategyRegistry } from '@ogp/tracking';
import { DataSource } from 'typeorm';
import { ChangeHistoryRepository } from '../history/change-history.repository';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { STRATEGY_REGISTRY } from './tracking.constant';
import { TrackingRepository } from './tracking.repository';

/** Chooses the tracking strategy of a programme, an institution or one commitment. */
@Injectable()
export class TrackingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TrackingRepository,
    private readonly history: ChangeHistoryRepository,
    private readonly runner: CommitmentChangeRunner,
    @Inject(STRATEGY_REGISTRY) private readonly registry: StrategyRegistry,
  ) {}

  /** Sets the choice, then recomputes every commitment it governs, one transaction each. */
  async setStrategy(actor: Actor | null, dto: SetStrategyDto): Promise<{ recomputed: number }> {
    assertRole(actor, RoleGroup.COORDINATION);
    if (dto.strategy && !this.registry.isKnown(dto.strategy))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `unknown tracking strategy ${dto.strategy}`, {
        known: this.registry.keys(),
        issues: [{ field: 'strategy', rule: 'unknownStrategy', args: [dto.strategy] }],
      });
    const ids = await this.dataSource.transaction(async (m) => {
      const before = await this.repository.lockChoice(m, dto.target, dto.id);
      if (!before) throw new DomainError(ErrorCode.NOT_FOUND, `no such ${dto.target}`);
      await this.repository.setChoice(m, dto.target, dto.id, dto.strategy ?? null);
      await this.history.record(m, {
        entityType: dto.target,
        entityId: dto.id,
        action: 'tracking_strategy_set',
        actorId: actor.id,
        before: { strategy: before.tracking_strategy },
        after: { strategy: dto.strategy ?? null },
      });
      return this.repository.governedCommitments(m, dto.target, dto.id);
    });
    for (const id of ids) await this.runner.recompute(id, actor.id);
    return { recomputed: ids.length };
  }
}
