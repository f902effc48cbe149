import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AccountMailEvent,
  AccountMailEvents,
  EventEnvelope,
  IdentityEvents,
  LANGUAGES,
  Language,
  PasswordResetRequestedEvent,
  UserDirectoryEntry,
} from '@ogp/contracts';
import { LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { ACCOUNT_TEMPLATES } from './account-templates.constant';
import { render } from './templates.constant';

const HANDLED = new Set<string>([
  IdentityEvents.userUpdated.type,
  AccountMailEvents.welcome.type,
  AccountMailEvents.registrationWithExistingAddress.type,
  AccountMailEvents.passwordResetRequested.type,
  AccountMailEvents.passwordChanged.type,
]);

/**
 * Account e-mails: queued for sending at once to the address the event names, in the account's
 * language, whatever the preferences (a reset link cannot be turned off), with no in-app copy.
 * The (event, recipient, channel) key sends each once.
 */
@Injectable()
export class AccountMailDispatcher {
  constructor(
    private readonly recipients: RecipientsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  handles(type: string): boolean {
    return HANDLED.has(type);
  }

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case IdentityEvents.userUpdated.type:
        await this.recipients.upsert(manager, event.data as UserDirectoryEntry);
        return;
      case AccountMailEvents.passwordResetRequested.type: {
        const data = event.data as PasswordResetRequestedEvent;
        await this.send(manager, event, data, { resetUrl: data.resetUrl });
        return;
      }
      default:
        await this.send(manager, event, event.data as AccountMailEvent, {});
    }
  }

  private async send(
    manager: EntityManager,
    event: EventEnvelope,
    to: AccountMailEvent,
    values: Record<string, string>,
  ): Promise<void> {
    const template = ACCOUNT_TEMPLATES[event.type];
    if (!template || !to?.email || !to.userId) return;
    const language: Language = (LANGUAGES as readonly string[]).includes(to.language) ? to.language : 'ar';
    const filled = { displayName: to.displayName ?? '', ...values };
    const subject = render(template.subject[language], filled);
    const text = render(template.text[language], filled);
    const notificationId = randomUUID();
    const inserted = await manager.query(
      `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body) VALUES ($1, $2, $3, $4, 'email', $5, $6)
       ON CONFLICT (event_id, recipient_id, channel) DO NOTHING RETURNING id`,
      [notificationId, to.userId, event.id, event.type, subject, text],
    );
    if (inserted.length === 0) return;
    await manager.query(
      `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, language, transactional) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, true)`,
      [randomUUID(), notificationId, to.userId, to.email, subject, text, language],
    );
    this.logger.info({ eventId: event.id, type: event.type }, 'account e-mail queued');
  }
}
