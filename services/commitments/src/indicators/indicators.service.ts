import { Injectable } from '@nestjs/common';
import { Actor, RoleGroup } from '@ogp/auth';
import { CommitmentView, DomainError, ErrorCode, IndicatorValueDto } from '@ogp/contracts';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { CommitmentJournal } from '../history/commitment-journal';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { figuresAfter } from './indicator-figures';
import { IndicatorsRepository } from './indicators.repository';

/** What a commitment measures: a new value (and baseline or target) counts as a report. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly runner: CommitmentChangeRunner,
    private readonly repository: IndicatorsRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly journal: CommitmentJournal,
  ) {}

  set(actor: Actor | null, commitmentId: string, dto: IndicatorValueDto): Promise<CommitmentView> {
    return this.runner.run(actor, commitmentId, RoleGroup.MANAGERS, async (m, _row, who) => {
      const before = await this.repository.figuresOf(m, commitmentId, dto.indicatorId);
      if (!before) throw new DomainError(ErrorCode.NOT_FOUND, 'no such indicator in this commitment');
      const after = figuresAfter(before, dto);
      await this.repository.setFigures(m, dto.indicatorId, after);
      await this.commitments.touchLastReport(m, commitmentId);
      await this.journal.record(m, commitmentId, who.id, {
        action: 'indicator_measured',
        before: { indicatorId: dto.indicatorId, ...before },
        after: { indicatorId: dto.indicatorId, ...after },
      });
    });
  }
}
