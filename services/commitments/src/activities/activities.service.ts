import { Injectable } from '@nestjs/common';
import { Actor, RoleGroup } from '@ogp/auth';
import {
  AddActivityDto,
  CommitmentsEvents,
  CommitmentsRpc,
  CommitmentView,
  DomainError,
  ErrorCode,
} from '@ogp/contracts';
import { runIdempotent } from '@ogp/messaging';
import { eventBase } from '../commitments/commitment-row';
import { assertDates } from '../commitments/date-range';
import { CommitmentJournal } from '../history/commitment-journal';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { ActivitiesRepository } from './activities.repository';
import { assertRoomForActivity } from './activity-rules';

/** A commitment's activities: added (with a retry answered once) and removed, each moving its progress. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly runner: CommitmentChangeRunner,
    private readonly repository: ActivitiesRepository,
    private readonly journal: CommitmentJournal,
  ) {}

  add(
    actor: Actor | null,
    commitmentId: string,
    dto: AddActivityDto,
    idempotencyKey: string | null = null,
  ): Promise<CommitmentView> {
    assertDates(dto.startDate, dto.endDate, 'activity');
    return this.runner.run(actor, commitmentId, RoleGroup.MANAGERS, async (m, row, who) => {
      // A retry of an addition already stored changes nothing and answers the card as it is.
      let fresh = false;
      await runIdempotent(
        m,
        idempotencyKey && `${who.id}:${idempotencyKey}`,
        CommitmentsRpc.addActivity.subject,
        async () => {
          fresh = true;
          const n = await this.repository.countOf(m, commitmentId);
          assertRoomForActivity(n);
          const [activityId] = await this.repository.insertMany(m, commitmentId, [dto], n);
          await this.journal.record(
            m,
            commitmentId,
            who.id,
            {
              action: 'activity_added',
              before: null,
              after: { activityId, title: dto.title, weight: dto.weight ?? null },
            },
            {
              contract: CommitmentsEvents.activityAdded,
              data: { ...eventBase(row), activityId, title: dto.title, endDate: dto.endDate },
            },
          );
          return { activityId };
        },
      );
      return fresh ? undefined : false;
    });
  }

  remove(actor: Actor | null, commitmentId: string, activityId: string): Promise<CommitmentView> {
    return this.runner.run(actor, commitmentId, RoleGroup.MANAGERS, async (m, row, who) => {
      const activity = await this.repository.remove(m, commitmentId, activityId);
      if (!activity) throw new DomainError(ErrorCode.NOT_FOUND, 'no such activity in this commitment');
      await this.journal.record(
        m,
        commitmentId,
        who.id,
        { action: 'activity_removed', before: { activityId, title: activity.title }, after: null },
        { contract: CommitmentsEvents.activityRemoved, data: { ...eventBase(row), activityId } },
      );
    });
  }
}
