import { Injectable } from '@nestjs/common';
import { ParticipationEvents } from '@ogp/contracts';
import { FollowsRepository } from '../follows/follows.repository';
import { fateStepLabel } from '../labels/fate-step-labels.constant';
import { publicationKindLabel } from '../labels/publication-kind-labels.constant';
import { othersThan } from '../recipients/others-than';
import { localizedValues as v } from './localized-values';
import { NotificationEventHandlers } from './notification-event-handlers';
import { Notifier } from './notifier';
import { PortalPaths } from './portal-paths.constant';

/** Who hears of what happens in co-creation: an idea's author, a cycle's followers, a workshop's registrant. */
@Injectable()
export class ParticipationEventsHandler {
  constructor(
    handlers: NotificationEventHandlers,
    private readonly notifier: Notifier,
    private readonly follows: FollowsRepository,
  ) {
    handlers
      .on(ParticipationEvents.ideaFateChanged, async (event, manager) => {
        const data = event.data;
        if (!data.authorId) return;
        await this.notifier.notifyPerson(
          manager,
          event,
          'participation.idea.fate-changed',
          data.authorId,
          (l) => ({
            ideaTitle: data.title,
            status: fateStepLabel(data.status, l),
            explanation: data.explanation ?? '',
          }),
          {
            // Until the fate is published only the author sees the idea's path, in their own space.
            path: data.status === 'published' ? PortalPaths.idea(data.cycleId, data.ideaId) : PortalPaths.myIdeas(),
          },
        );
      })
      .on(ParticipationEvents.publicationPublished, async (event, manager) => {
        // Publications of a cycle reach its followers; the others are for everyone and notify no one.
        const data = event.data;
        if (!data.cycleId) return;
        const followers = await this.follows.followers(manager, 'cycle', data.cycleId);
        const cycleTitle = await this.follows.title(manager, 'cycle', data.cycleId);
        await this.notifier.notify(
          manager,
          event,
          'participation.publication.published',
          othersThan(event.actorId, followers),
          (l) => ({
            title: v.text(data.title, l),
            kind: publicationKindLabel(data.kind, l),
            cycle: v.text(cycleTitle, l),
          }),
          { path: PortalPaths.publication(data.publicationId) },
        );
      })
      .on(ParticipationEvents.registrationConfirmed, async (event, manager) => {
        const data = event.data;
        await this.notifier.notifyPerson(manager, event, 'participation.registration.confirmed', data.userId, () => ({
          code: data.code,
          startsAt: data.startsAt,
        }));
      })
      .on(ParticipationEvents.commentAnswered, async (event, manager) => {
        await this.notifier.notifyPerson(
          manager,
          event,
          'participation.comment.answered',
          event.data.authorId,
          () => ({}),
        );
      });
  }
}
