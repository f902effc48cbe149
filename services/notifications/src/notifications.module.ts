import { DynamicModule, Global, Module } from '@nestjs/common';
import { serviceFoundation, serviceInfoController } from '@ogp/messaging';
import { Clock, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { AccountMailModule } from './account-mail/account-mail.module';
import { AlertBatchesModule } from './alert-batches/alert-batches.module';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { DigestsModule } from './digests/digests.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { NotificationEventsModule } from './dispatch/notification-events.module';
import { EmailModule } from './email/email.module';
import { FollowsModule } from './follows/follows.module';
import { InboxModule } from './inbox/inbox.module';
import { NotificationsConfig } from './notifications.config';
import { NOTIFICATIONS_MIGRATIONS } from './notifications-migrations.constant';
import { PreferencesModule } from './preferences/preferences.module';
import { RecipientsModule } from './recipients/recipients.module';

/** The service's clock, for every feature (phases open by it). */
@Global()
@Module({})
class ClockModule {
  static register(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}

@Module({})
export class NotificationsModule {
  static register(config: NotificationsConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ...serviceFoundation({ service: 'notifications', config, logger, migrations: NOTIFICATIONS_MIGRATIONS }),
        ClockModule.register(clock),
        // Events in: the consumer and its registry, then the features whose handlers join it.
        NotificationEventsModule,
        RecipientsModule,
        AccountMailModule,
        DispatchModule,
        // Reading and choosing: the inbox, preferences, follows.
        InboxModule,
        PreferencesModule,
        FollowsModule,
        // E-mail out: the queue and its sender, alerts gathered per sweep, daily digests, dead letters.
        EmailModule,
        AlertBatchesModule,
        DigestsModule,
        DeadLettersModule,
      ],
      controllers: [serviceInfoController('notifications')],
    };
  }
}
