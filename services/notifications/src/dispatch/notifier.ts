import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, Language } from '@ogp/contracts';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { EmailQueueRepository } from '../email/email-queue.repository';
import { NotificationsConfig } from '../notifications.config';
import { PreferencesService } from '../preferences/preferences.service';
import { Recipient } from '../recipients/recipient';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { emailStatus, notificationText } from './notification-text';
import { NotificationType } from './notification-type';
import { NotificationsRepository } from './notifications.repository';
import { TEMPLATES } from './templates.constant';

/** The values of a template's placeholders, in the reader's language. */
export type TemplateValues = (language: Language) => Record<string, string>;

export interface NotifyOptions {
  /** Portal path of the item, without the language prefix. */
  path?: string | null;
  /** Alerts of one sweep: immediate e-mails wait to go out together, one per person. */
  batch?: { sweepId: string; kind: string };
}

/**
 * Turns one event into the notifications it causes, inside the consumer's transaction: an in-app
 * notification for each recipient, and an e-mail as their preference says.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly emails: EmailQueueRepository,
    private readonly preferences: PreferencesService,
    private readonly recipients: RecipientsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The notification of one person (the author of an idea, the requester of a report...), if they can be reached. */
  async notifyPerson(
    manager: EntityManager,
    event: EventEnvelope,
    type: NotificationType,
    userId: string,
    values: TemplateValues,
    options: NotifyOptions = {},
  ): Promise<void> {
    await this.notify(manager, event, type, await this.recipients.byIds(manager, [userId]), values, options);
  }

  async notify(
    manager: EntityManager,
    event: EventEnvelope,
    type: NotificationType,
    recipients: Recipient[],
    values: TemplateValues,
    options: NotifyOptions = {},
  ): Promise<void> {
    if (recipients.length === 0) return;
    const template = TEMPLATES[type];
    const path = options.path ?? null;
    let emails = 0;
    for (const r of recipients) {
      const text = notificationText(template, values(r.language), r.language, {
        portalUrl: this.config.PORTAL_URL,
        path,
      });
      const notification = { recipientId: r.userId, eventId: event.id, type, title: text.title, link: path };
      await this.notifications.addInApp(manager, { ...notification, id: randomUUID(), body: text.body });
      const mode = await this.preferences.modeFor(manager, r.userId, type);
      if (mode === 'off' || !r.email) continue;
      const notificationId = randomUUID();
      if (!(await this.notifications.addEmail(manager, { ...notification, id: notificationId, body: text.emailBody })))
        continue;
      const batch = mode === 'immediate' ? options.batch : undefined;
      await this.emails.queue(manager, {
        id: randomUUID(),
        notificationId,
        recipientId: r.userId,
        toAddress: r.email,
        subject: text.title,
        body: text.emailBody,
        status: emailStatus(mode, batch !== undefined),
        batch: batch ? { key: batch.sweepId, kind: batch.kind, line: text.batchLine } : null,
        language: r.language,
      });
      emails += 1;
    }
    this.logger.info(
      { eventId: event.id, type: event.type, recipients: recipients.length, emails },
      'in-app notifications recorded',
    );
  }
}
