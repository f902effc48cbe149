import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventConsumer, EventConsumers } from '@ogp/messaging';
import { EventDispatcher } from './event-dispatcher';

export const NOTIFICATIONS_DURABLE = 'notifications';

/** Starts the service's durable consumer of every domain event once the app is up. */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap {
  consumer: EventConsumer | null = null;

  constructor(
    private readonly consumers: EventConsumers,
    private readonly dispatcher: EventDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.consumers.start({
      durable: NOTIFICATIONS_DURABLE,
      handle: (event, manager) => this.dispatcher.handle(event, manager),
    });
  }
}
