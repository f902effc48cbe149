import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, serviceInfoController } from '@ogp/messaging';
import { PersistenceModule } from '@ogp/persistence';
import { Clock, RuntimeModule, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { AccountMailHandler } from './account-mail/account-mail.handler';
import { AlertBatchesRepository } from './alert-batches/alert-batches.repository';
import { AlertBatchesService } from './alert-batches/alert-batches.service';
import { DeadEmailsRepository } from './dead-letters/dead-emails.repository';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { DeadLettersService } from './dead-letters/dead-letters.service';
import { DigestsController } from './digests/digests.controller';
import { DigestsRepository } from './digests/digests.repository';
import { DigestsService } from './digests/digests.service';
import { CommitmentsEventsHandler } from './dispatch/commitments-events.handler';
import { NotificationEventHandlers } from './dispatch/notification-event-handlers';
import { NotificationsConsumer } from './dispatch/notifications-consumer';
import { NotificationsRepository } from './dispatch/notifications.repository';
import { Notifier } from './dispatch/notifier';
import { ParticipationEventsHandler } from './dispatch/participation-events.handler';
import { ReportingEventsHandler } from './dispatch/reporting-events.handler';
import { EmailComposer } from './email/email-composer';
import { EmailQueueRepository } from './email/email-queue.repository';
import { EmailSender } from './email/email-sender';
import { FollowsController } from './follows/follows.controller';
import { FollowsRepository } from './follows/follows.repository';
import { FollowsService } from './follows/follows.service';
import { PhaseAnnouncer } from './follows/phase-announcer';
import { InboxController } from './inbox/inbox.controller';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import { NotificationsConfig } from './notifications.config';
import { NOTIFICATIONS_MIGRATIONS } from './notifications-migrations.constant';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesRepository } from './preferences/preferences.repository';
import { PreferencesService } from './preferences/preferences.service';
import { RecipientDirectoryHandler } from './recipients/recipient-directory.handler';
import { RecipientsRepository } from './recipients/recipients.repository';

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
          migrations: NOTIFICATIONS_MIGRATIONS,
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
      controllers: [
        InboxController,
        PreferencesController,
        DigestsController,
        DeadLettersController,
        FollowsController,
        serviceInfoController('notifications'),
      ],
      providers: [
        // dispatch: events in, notifications out (each feature's handlers register on NotificationEventHandlers)
        NotificationEventHandlers,
        NotificationsRepository,
        Notifier,
        NotificationsConsumer,
        CommitmentsEventsHandler,
        ParticipationEventsHandler,
        ReportingEventsHandler,
        // recipients, account-mail
        RecipientsRepository,
        RecipientDirectoryHandler,
        AccountMailHandler,
        // inbox, preferences, follows
        InboxRepository,
        InboxService,
        PreferencesRepository,
        PreferencesService,
        FollowsRepository,
        FollowsService,
        PhaseAnnouncer,
        // e-mail: sending, alert batches, digests, dead letters
        EmailQueueRepository,
        EmailComposer,
        EmailSender,
        AlertBatchesRepository,
        AlertBatchesService,
        DigestsRepository,
        DigestsService,
        DeadEmailsRepository,
        DeadLettersService,
        { provide: Clock, useValue: clock },
      ],
    };
  }
}
