import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccountMailEvent, AccountMailEvents, EventEnvelope, LANGUAGES, Language } from '@ogp/contracts';
import { LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { EmailQueueRepository } from '../email/email-queue.repository';
import { NotificationEventHandlers } from '../dispatch/notification-event-handlers';
import { NotificationsRepository } from '../dispatch/notifications.repository';
import { renderTemplate } from '../dispatch/render-template';
import { ACCOUNT_TEMPLATES, AccountMailName } from './account-templates.constant';

/**
 * Account e-mails: queued for sending at once to the address the event names, in the account's
 * language, whatever the preferences (a reset link cannot be turned off), with no in-app copy.
 * The (event, recipient, channel) key sends each once.
 */
@Injectable()
export class AccountMailHandler {
  constructor(
    handlers: NotificationEventHandlers,
    private readonly notifications: NotificationsRepository,
    private readonly emails: EmailQueueRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    handlers
      .on(AccountMailEvents.welcome, (event, manager) => this.send(manager, event, 'welcome', {}))
      .on(AccountMailEvents.registrationWithExistingAddress, (event, manager) =>
        this.send(manager, event, 'registrationWithExistingAddress', {}),
      )
      .on(AccountMailEvents.passwordResetRequested, (event, manager) =>
        this.send(manager, event, 'passwordResetRequested', { resetUrl: event.data.resetUrl }),
      )
      .on(AccountMailEvents.passwordChanged, (event, manager) => this.send(manager, event, 'passwordChanged', {}));
  }

  private async send(
    manager: EntityManager,
    event: EventEnvelope<AccountMailEvent>,
    name: AccountMailName,
    values: Record<string, string>,
  ): Promise<void> {
    const to = event.data;
    if (!to?.email || !to.userId) return;
    const template = ACCOUNT_TEMPLATES[name];
    const language: Language = (LANGUAGES as readonly string[]).includes(to.language) ? to.language : 'ar';
    const filled = { displayName: to.displayName ?? '', ...values };
    const subject = renderTemplate(template.subject[language], filled);
    const text = renderTemplate(template.text[language], filled);
    const notificationId = randomUUID();
    const notification = { recipientId: to.userId, eventId: event.id, type: event.type, title: subject, link: null };
    if (!(await this.notifications.addEmail(manager, { ...notification, id: notificationId, body: text }))) return;
    await this.emails.queue(manager, {
      id: randomUUID(),
      notificationId,
      recipientId: to.userId,
      toAddress: to.email,
      subject,
      body: text,
      status: 'pending',
      language,
      transactional: true,
    });
    this.logger.info({ eventId: event.id, type: event.type }, 'account e-mail queued');
  }
}
