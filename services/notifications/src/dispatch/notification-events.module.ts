import { Module } from '@nestjs/common';
import { NotificationEventHandlers } from './notification-event-handlers';
import { NotificationsConsumer } from './notifications-consumer';

/** The consumer of every domain event and the registry its handlers join (each feature module registers its own). */
@Module({
  providers: [NotificationEventHandlers, NotificationsConsumer],
  exports: [NotificationEventHandlers],
})
export class NotificationEventsModule {}
