import { Module } from '@nestjs/common';
import { NotificationEventsModule } from '../dispatch/notification-events.module';
import { RecipientDirectoryHandler } from './recipient-directory.handler';
import { RecipientsRepository } from './recipients.repository';

/** Who can be reached: the copy of identity's directory, and who an alert or a notice is for. */
@Module({
  imports: [NotificationEventsModule],
  providers: [RecipientsRepository, RecipientDirectoryHandler],
  exports: [RecipientsRepository],
})
export class RecipientsModule {}
