import { Injectable } from '@nestjs/common';
import { IdentityEvents } from '@ogp/contracts';
import { roleList } from '../labels/role-labels.constant';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { NotificationEventHandlers } from './notification-event-handlers';
import { Notifier } from './notifier';

/** An account created by coordination: copied into the directory, and its owner welcomed with their roles. */
@Injectable()
export class IdentityEventsHandler {
  constructor(
    handlers: NotificationEventHandlers,
    private readonly notifier: Notifier,
    private readonly recipients: RecipientsRepository,
  ) {
    handlers.on(IdentityEvents.userCreated, async (event, manager) => {
      const entry = event.data;
      await this.recipients.upsert(manager, entry);
      await this.notifier.notifyPerson(manager, event, 'identity.user.created', entry.userId, (l) => ({
        roles: roleList(entry.roles, l),
      }));
    });
  }
}
