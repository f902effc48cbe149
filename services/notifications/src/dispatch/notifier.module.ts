import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { NotificationsRepository } from './notifications.repository';
import { Notifier } from './notifier';

/** Writing notifications: in the app, and by e-mail as each person's preference says. */
@Module({
  imports: [RecipientsModule, PreferencesModule, EmailModule],
  providers: [NotificationsRepository, Notifier],
  exports: [NotificationsRepository, Notifier],
})
export class NotifierModule {}
