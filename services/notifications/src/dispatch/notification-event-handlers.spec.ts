import {
  AccountMailEvents,
  CommitmentsEvents,
  IdentityEvents,
  ParticipationEvents,
  ReportingEvents,
} from '@ogp/contracts';
import { AccountMailHandler } from '../account-mail/account-mail.handler';
import { RecipientDirectoryHandler } from '../recipients/recipient-directory.handler';
import { CommitmentsEventsHandler } from './commitments-events.handler';
import { IdentityEventsHandler } from './identity-events.handler';
import { NotificationEventHandlers } from './notification-event-handlers';
import { ParticipationEventsHandler } from './participation-events.handler';
import { ReportingEventsHandler } from './reporting-events.handler';

/** The handlers only register at construction: their collaborators are not called here. */
const unused = {} as never;

function registerAll(handlers: NotificationEventHandlers): void {
  new RecipientDirectoryHandler(handlers, unused);
  new IdentityEventsHandler(handlers, unused, unused);
  new AccountMailHandler(handlers, unused, unused, unused);
  new CommitmentsEventsHandler(handlers, unused, unused, unused);
  new ParticipationEventsHandler(handlers, unused, unused);
  new ReportingEventsHandler(handlers, unused, unused, unused);
}

describe("the notifications consumer's handlers", () => {
  it('handle each event the service acts on, once', () => {
    const handlers = new NotificationEventHandlers();
    registerAll(handlers);
    expect([...handlers.types].sort()).toEqual(
      [
        IdentityEvents.userRegistered,
        IdentityEvents.userDeactivated,
        IdentityEvents.userUpdated,
        IdentityEvents.userCreated,
        ...Object.values(AccountMailEvents),
        CommitmentsEvents.programmeCreated,
        CommitmentsEvents.blockerRaised,
        CommitmentsEvents.blockerAnswered,
        CommitmentsEvents.progressReported,
        CommitmentsEvents.completionLevelChanged,
        ParticipationEvents.ideaFateChanged,
        ParticipationEvents.publicationPublished,
        ParticipationEvents.registrationConfirmed,
        ParticipationEvents.commentAnswered,
        ReportingEvents.alertRaised,
        ReportingEvents.reportFinished,
      ]
        .map((c) => c.type)
        .sort(),
    );
  });

  it('refuse to boot when a feature registers an event another already handles', () => {
    const handlers = new NotificationEventHandlers();
    registerAll(handlers);
    expect(() => new IdentityEventsHandler(handlers, unused, unused)).toThrow(
      'consumer notifications: event identity.user.created has two handlers',
    );
  });
});
