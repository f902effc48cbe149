import { Module } from '@nestjs/common';
import { NotificationEventsModule } from '../dispatch/notification-events.module';
import { NotifierModule } from '../dispatch/notifier.module';
import { EmailModule } from '../email/email.module';
import { AccountMailHandler } from './account-mail.handler';

@Module({
  imports: [NotificationEventsModule, NotifierModule, EmailModule],
  providers: [AccountMailHandler],
})
export class AccountMailModule {}
