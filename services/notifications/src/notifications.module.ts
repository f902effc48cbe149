import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, MessagingTables1732100000000, serviceInfoController } from '@ogp/messaging';
import { PersistenceModule } from '@ogp/persistence';
import { Clock, RuntimeModule, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { AccountMailDispatcher } from './dispatch/account-mail.dispatcher';
import { EventDispatcher } from './dispatch/event-dispatcher';
import { NotificationsConsumer } from './dispatch/notifications-consumer';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { NotificationsConfig } from './notifications.config';
import { Notifications1732100000300 } from './notifications.migration';
import { RecipientsRepository } from './recipients/recipients.repository';
import { Email1732100000700 } from './email/email.migration';
import { EmailSender } from './email/email-sender';
import { EmailComposer } from './email/email-composer';
import { EmailHtml1764600000000 } from './email/email-html.migration';
import { EmailClaim1764900000000 } from './email/email-claim.migration';
import { DigestService } from './email/digest.service';
import { AlertBatchesService } from './email/alert-batches.service';
import { NotificationsLinks1764580000000 } from './notifications-links.migration';
import { FollowsController } from './follows/follows.controller';
import { NotificationsFollows1764580000100 } from './follows/follows.migration';
import { FollowsRepository } from './follows/follows.repository';
import { FollowsService } from './follows/follows.service';
import { PhaseAnnouncer } from './follows/phase-announcer';
import { PreferencesService } from './preferences/preferences.service';
import { PreferencesController } from './inbox/preferences.controller';

@Module({})
export class NotificationsModule {
  static register(config: NotificationsConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        RuntimeModule.forRoot({ service: 'notifications', logger, config }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          migrationUrl: config.DATABASE_MIGRATION_URL || undefined,
          schema: config.DB_SCHEMA,
          entities: [],
          migrations: [
            MessagingTables1732100000000,
            Notifications1732100000300,
            Email1732100000700,
            NotificationsLinks1764580000000,
            NotificationsFollows1764580000100,
            EmailHtml1764600000000,
            EmailClaim1764900000000,
          ],
          poolSize: config.DB_POOL_SIZE,
          applicationName: 'notifications',
        }),
        MessagingModule.forRoot({
          service: 'notifications',
          url: config.NATS_URL,
          prefix: config.NATS_PREFIX,
          schema: config.DB_SCHEMA,
          requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          streamReplicas: config.JETSTREAM_REPLICAS,
        }),
      ],
      controllers: [InboxController, PreferencesController, FollowsController, serviceInfoController('notifications')],
      providers: [
        RecipientsRepository,
        AccountMailDispatcher,
        EventDispatcher,
        NotificationsConsumer,
        InboxService,
        PreferencesService,
        EmailComposer,
        EmailSender,
        DigestService,
        AlertBatchesService,
        FollowsRepository,
        FollowsService,
        PhaseAnnouncer,
        { provide: Clock, useValue: clock },
      ],
    };
  }
}
