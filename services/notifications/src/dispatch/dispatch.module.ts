import { Module } from '@nestjs/common';
import { AlertBatchesModule } from '../alert-batches/alert-batches.module';
import { FollowsModule } from '../follows/follows.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { CommitmentsEventsHandler } from './commitments-events.handler';
import { IdentityEventsHandler } from './identity-events.handler';
import { NotificationEventsModule } from './notification-events.module';
import { NotifierModule } from './notifier.module';
import { ParticipationEventsHandler } from './participation-events.handler';
import { ReportingEventsHandler } from './reporting-events.handler';

/** The events that notify someone, and who each reaches. */
@Module({
  imports: [NotificationEventsModule, NotifierModule, RecipientsModule, FollowsModule, AlertBatchesModule],
  providers: [IdentityEventsHandler, CommitmentsEventsHandler, ParticipationEventsHandler, ReportingEventsHandler],
})
export class DispatchModule {}
