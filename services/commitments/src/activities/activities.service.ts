import { Injectable } from '@nestjs/common';
import { Actor, RoleGroup } from '@ogp/auth';
import { AddActivityDto, CommitmentView, DomainError, ErrorCode, PlanEvents, PlansRpc } from '@ogp/contracts';
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { eventBase } from '../commitments/commitment-row';
import { assertDates } from '../commitments/date-range';
import { ChangeHistoryRepository } from '../history/change-history.repository';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { ActivitiesRepository } from './activities.repository';
import { assertRoomForActivity } from './activity-rules';

/** A commitment's activities: added (with a retry answered once) and removed, each moving its progress. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly runner: CommitmentChangeRunner,
    private readonly repository: ActivitiesRepository,
    private readonly history: ChangeHistoryRepository,
    private readonly outbox: OutboxWriter,
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
        PlansRpc.addActivity.subject,
        async () => {
          fresh = true;
          const n = await this.repository.countOf(m, commitmentId);
          assertRoomForActivity(n);
          const [activityId] = await this.repository.insertMany(m, commitmentId, [dto], n);
          await this.history.record(m, {
            entityType: 'commitment',
            entityId: commitmentId,
            action: 'activity_added',
            actorId: who.id,
            before: null,
            after: { activityId, title: dto.title, weight: dto.weight ?? null },
          });
          await this.outbox.add(m, PlanEvents.activityAdded, {
            aggregate: { type: 'commitment', id: commitmentId },
            data: { ...eventBase(row), activityId, title: dto.title, endDate: dto.endDate },
            actorId: who.id,
          });
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
      await this.history.record(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'activity_removed',
        actorId: who.id,
        before: { activityId, title: activity.title },
        after: null,
      });
      await this.outbox.add(m, PlanEvents.activityRemoved, {
        aggregate: { type: 'commitment', id: commitmentId },
        data: { ...eventBase(row), activityId },
        actorId: who.id,
      });
    });
  }
}
