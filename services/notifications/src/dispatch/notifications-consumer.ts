import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventConsumer, EventConsumers } from '@ogp/messaging';
import { NotificationEventHandlers, NOTIFICATIONS_DURABLE } from './notification-event-handlers';

/** Starts the service's durable consumer of every domain event once the app is up (every handler registered). */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap {
  consumer: EventConsumer | null = null;

  constructor(
    private readonly consumers: EventConsumers,
    private readonly handlers: NotificationEventHandlers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.consumers.start({ durable: NOTIFICATIONS_DURABLE, handle: this.handlers.handle });
  }
}
