import { Injectable } from '@nestjs/common';
import { IdentityEvents, UserDirectoryEntry } from '@ogp/contracts';
import { EntityManager } from 'typeorm';
import { NotificationEventHandlers } from '../dispatch/notification-event-handlers';
import { RecipientsRepository } from './recipients.repository';

/**
 * Keeps the directory of who can be reached in step with identity. (An account created by
 * coordination is copied and welcomed by dispatch's IdentityEventsHandler.)
 */
@Injectable()
export class RecipientDirectoryHandler {
  constructor(handlers: NotificationEventHandlers, recipients: RecipientsRepository) {
    const copy = ({ data }: { data: UserDirectoryEntry }, manager: EntityManager) => recipients.upsert(manager, data);
    handlers
      .on(IdentityEvents.userRegistered, copy)
      .on(IdentityEvents.userDeactivated, copy)
      .on(IdentityEvents.userUpdated, copy);
  }
}
