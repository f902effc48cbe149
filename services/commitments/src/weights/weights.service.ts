import { Injectable } from '@nestjs/common';
import { Actor, RoleGroup } from '@ogp/auth';
import { CommitmentsEvents, CommitmentView, DomainError, ErrorCode, SetWeightsDto } from '@ogp/contracts';

import { WeightsRepository } from './weights.repository';
import { eventBase } from '../commitments/commitment-row';
import { CommitmentJournal } from '../history/commitment-journal';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { assertDistinctActivities, weightChanges } from './weight-changes';

/** The weights of a commitment's activities in its progress (the roll-up normalises them). */
@Injectable()
export class WeightsService {
  constructor(
    private readonly runner: CommitmentChangeRunner,
    private readonly repository: WeightsRepository,
    private readonly journal: CommitmentJournal,
  ) {}

  set(actor: Actor | null, commitmentId: string, dto: SetWeightsDto): Promise<CommitmentView> {
    return this.runner.run(actor, commitmentId, RoleGroup.MANAGERS, async (m, row, who) => {
      const ids = dto.weights.map((w) => w.activityId);
      assertDistinctActivities(ids);
      const current = await this.repository.weightsOf(m, commitmentId, ids);
      if (current.length !== ids.length)
        throw new DomainError(ErrorCode.NOT_FOUND, 'an activity is not part of this commitment');
      for (const w of dto.weights) await this.repository.setWeight(m, w.activityId, w.weight ?? null);
      const weights = weightChanges(dto.weights, new Map(current.map((c) => [c.id, c.weight])));
      await this.journal.record(
        m,
        commitmentId,
        who.id,
        {
          action: 'weights_changed',
          before: weights.map((w) => ({ activityId: w.activityId, weight: w.before })),
          after: weights.map((w) => ({ activityId: w.activityId, weight: w.after })),
        },
        { contract: CommitmentsEvents.weightsChanged, data: { ...eventBase(row), weights } },
      );
    });
  }
}
