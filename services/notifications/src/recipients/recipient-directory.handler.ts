import { Injectable } from '@nestjs/common';
import { IdentityEvents, UserDirectoryEntry } from '@ogp/contracts';
import { EntityManager } from 'typeorm';
import { NotificationEventHandlers } from '../dispatch/notification-event-handlers';
import { Notifier } from '../dispatch/notifier';
import { roleList } from '../labels/role-labels.constant';
import { RecipientsRepository } from './recipients.repository';

/** Keeps the directory of who can be reached in step with identity; an account created by coordination is welcomed. */
@Injectable()
export class RecipientDirectoryHandler {
  constructor(
    handlers: NotificationEventHandlers,
    private readonly notifier: Notifier,
    private readonly recipients: RecipientsRepository,
  ) {
    const copy = ({ data }: { data: UserDirectoryEntry }, manager: EntityManager) =>
      this.recipients.upsert(manager, data);
    handlers
      .on(IdentityEvents.userRegistered, copy)
      .on(IdentityEvents.userDeactivated, copy)
      .on(IdentityEvents.userUpdated, copy)
      .on(IdentityEvents.userCreated, async (event, manager) => {
        const entry = event.data;
        await this.recipients.upsert(manager, entry);
        await this.notifier.notifyPerson(manager, event, 'identity.user.created', entry.userId, (l) => ({
          roles: roleList(entry.roles, l),
        }));
      });
  }
}
