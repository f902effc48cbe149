import { Injectable } from '@nestjs/common';
import { RoleGroup } from '@ogp/auth';
import { CommitmentsEvents } from '@ogp/contracts';
import { FollowsRepository } from '../follows/follows.repository';
import { completionLevelLabel } from '../labels/completion-level-labels.constant';
import { othersThan } from '../recipients/others-than';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { localizedValues as v } from './localized-values';
import { NotificationEventHandlers } from './notification-event-handlers';
import { Notifier } from './notifier';
import { PortalPaths } from './portal-paths.constant';

/** Who hears of what happens to programmes and commitments: coordination, the committee, followers, managers. */
@Injectable()
export class CommitmentsEventsHandler {
  constructor(
    handlers: NotificationEventHandlers,
    private readonly notifier: Notifier,
    private readonly recipients: RecipientsRepository,
    private readonly follows: FollowsRepository,
  ) {
    handlers
      .on(CommitmentsEvents.programmeCreated, async (event, manager) => {
        const data = event.data;
        const coordination = await this.recipients.withRoles(manager, RoleGroup.COORDINATION);
        await this.notifier.notify(manager, event, 'commitments.programme.created', coordination, (l) => ({
          name: v.text(data.name, l),
          code: data.code,
        }));
      })
      .on(CommitmentsEvents.blockerRaised, async (event, manager) => {
        const data = event.data;
        const people = await this.recipients.audience(manager, ['committee', 'coordinators'], data.programmeId, null);
        await this.notifier.notify(
          manager,
          event,
          'commitments.blocker.raised',
          people,
          (l) => ({ blockerTitle: data.blockerTitle, title: v.text(data.title, l) }),
          { path: PortalPaths.commitment(data.commitmentId) },
        );
      })
      .on(CommitmentsEvents.blockerAnswered, async (event, manager) => {
        const data = event.data;
        await this.notifier.notifyPerson(
          manager,
          event,
          'commitments.blocker.answered',
          data.raisedBy,
          () => ({ blockerTitle: data.blockerTitle, answer: data.answer }),
          { path: PortalPaths.commitment(data.commitmentId) },
        );
      })
      .on(CommitmentsEvents.progressReported, async (event, manager) => {
        // The commitment's followers and its institution's other project managers; not the author.
        const data = event.data;
        const followers = await this.follows.followers(manager, 'commitment', data.commitmentId);
        const managers = await this.recipients.audience(
          manager,
          ['project_managers'],
          data.programmeId,
          data.leadInstitutionId,
        );
        await this.notifier.notify(
          manager,
          event,
          'commitments.progress.reported',
          othersThan(data.reportedBy, followers, managers),
          (l) => ({
            title: v.text(data.title, l),
            activity: v.text(data.activityTitle, l),
            progress: v.percent(data.progress, l),
            reportedOn: v.date(data.reportedOn, l),
          }),
          { path: PortalPaths.commitment(data.commitmentId) },
        );
      })
      .on(CommitmentsEvents.completionLevelChanged, async (event, manager) => {
        const data = event.data;
        const followers = await this.follows.followers(manager, 'commitment', data.commitmentId);
        await this.notifier.notify(
          manager,
          event,
          'commitments.completion-level.changed',
          othersThan(event.actorId, followers),
          (l) => ({
            title: v.text(data.title, l),
            before: completionLevelLabel(data.before, l),
            after: completionLevelLabel(data.after, l),
          }),
          { path: PortalPaths.commitment(data.commitmentId) },
        );
      });
  }
}
