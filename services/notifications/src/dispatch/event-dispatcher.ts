import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, IdentityEvents, Language, Localized, ProgrammeCreatedEvent, UserDirectoryEntry, CommitmentsEvents } from '@ogp/contracts';
import { LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { Recipient, RecipientsRepository } from '../recipients/recipients.repository';
import { render, TEMPLATES } from './templates.constant';

function localized(value: Localized, language: Language): string {
  return value[language] ?? value.ar;
}

/**
 * Turns one domain event into the notifications it causes, inside the consumer's transaction.
 * The unique (event, recipient, channel) key makes each notification exist once.
 */
@Injectable()
export class EventDispatcher {
  constructor(
    private readonly recipients: RecipientsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case IdentityEvents.userRegistered.type:
      case IdentityEvents.userDeactivated.type:
        await this.recipients.upsert(manager, event.data as UserDirectoryEntry);
        return;
      case IdentityEvents.userCreated.type: {
        const entry = event.data as UserDirectoryEntry;
        await this.recipients.upsert(manager, entry);
        const recipient = await this.recipients.byId(manager, entry.userId);
        if (recipient) await this.notify(manager, event, [recipient], () => ({ roles: entry.roles.join(', ') }));
        return;
      }
      case CommitmentsEvents.programmeCreated.type: {
        const data = event.data as ProgrammeCreatedEvent;
        const staff = await this.recipients.withRoles(manager, ['coordinator', 'admin']);
        await this.notify(manager, event, staff, (language) => ({ name: localized(data.name, language), code: data.code }));
        return;
      }
      default:
        return;
    }
  }

  private async notify(manager: EntityManager, event: EventEnvelope, recipients: Recipient[], values: (language: Language) => Record<string, string>): Promise<void> {
    const template = TEMPLATES[event.type];
    if (!template || recipients.length === 0) return;
    const rows = recipients.map((r) => {
      const v = values(r.language);
      return [randomUUID(), r.userId, event.id, event.type, render(template.title[r.language], v), render(template.body[r.language], v)];
    });
    const params: unknown[] = [];
    const tuples = rows.map((row, i) => {
      params.push(...row);
      const b = i * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, 'in_app', $${b + 5}, $${b + 6})`;
    });
    await manager.query(
      `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body) VALUES ${tuples.join(', ')}
       ON CONFLICT (event_id, recipient_id, channel) DO NOTHING`,
      params,
    );
    this.logger.info({ eventId: event.id, type: event.type, recipients: recipients.length }, 'in-app notifications recorded');
  }
}
