import { Injectable } from '@nestjs/common';
import { EventHandlerRegistry } from '@ogp/messaging';

export const NOTIFICATIONS_DURABLE = 'notifications';

/** The handlers of the service's consumer of every domain event; each feature registers its events here. */
@Injectable()
export class NotificationEventHandlers extends EventHandlerRegistry {
  constructor() {
    super(NOTIFICATIONS_DURABLE);
  }
}
