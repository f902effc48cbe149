import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AlertRaisedEvent,
  BlockerEvent,
  CommitmentsEvents,
  EventEnvelope,
  IdentityEvents,
  IdeaFateEvent,
  Language,
  Localized,
  ParticipationEvents,
  PlanEvents,
  ProgrammeCreatedEvent,
  ReportingEvents,
  UserDirectoryEntry,
} from '@ogp/contracts';
import { LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { PreferencesService } from '../preferences/preferences.service';
import { Recipient, RecipientsRepository } from '../recipients/recipients.repository';
import { fateStepLabel } from '../labels/fate-step-labels.constant';
import { roleList } from '../labels/role-labels.constant';
import { render, TEMPLATES } from './templates.constant';

function localized(value: Localized | null | undefined, language: Language): string {
  if (!value) return '';
  return value[language] ?? value.ar;
}

type Values = (language: Language) => Record<string, string>;

/**
 * Turns one domain event into the notifications it causes, inside the consumer's transaction:
 * an in-app notification for each recipient, and an e-mail as their preference says. The unique
 * (event, recipient, channel) key makes each exist once, whatever is redelivered.
 */
@Injectable()
export class EventDispatcher {
  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly preferences: PreferencesService,
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
        await this.notify(manager, event, event.type, await this.recipients.byIds(manager, [entry.userId]), (l) => ({ roles: roleList(entry.roles, l) }));
        return;
      }
      case CommitmentsEvents.programmeCreated.type: {
        const data = event.data as ProgrammeCreatedEvent;
        await this.notify(manager, event, event.type, await this.recipients.withRoles(manager, ['coordinator', 'admin']), (l) => ({ name: localized(data.name, l), code: data.code }));
        return;
      }
      case ReportingEvents.alertRaised.type: {
        const alert = event.data as AlertRaisedEvent;
        const people = await this.recipients.audience(manager, alert.audience, alert.programmeId, alert.institutionId);
        const summary = alert.summary;
        await this.notify(manager, event, `reporting.alert.${alert.kind}`, people, (l) => ({
          title: localized(alert.title, l),
          dueDate: alert.dueDate ?? '',
          period: alert.period,
          progress: summary ? String(summary.progress) : '',
          overdueActivities: summary ? String(summary.overdueActivities) : '',
          lateCommitments: summary ? String(summary.lateCommitments) : '',
        }));
        return;
      }
      case PlanEvents.blockerRaised.type: {
        const data = event.data as BlockerEvent;
        const people = await this.recipients.audience(manager, ['committee', 'coordinators'], data.programmeId, null);
        await this.notify(manager, event, event.type, people, (l) => ({ blockerTitle: data.blockerTitle, title: localized(data.title, l) }));
        return;
      }
      case PlanEvents.blockerAnswered.type: {
        const data = event.data as BlockerEvent & { answer: string };
        await this.notify(manager, event, event.type, await this.recipients.byIds(manager, [data.raisedBy]), () => ({ blockerTitle: data.blockerTitle, answer: data.answer }));
        return;
      }
      case ParticipationEvents.ideaFateChanged.type: {
        const data = event.data as IdeaFateEvent;
        if (!data.authorId) return;
        await this.notify(manager, event, event.type, await this.recipients.byIds(manager, [data.authorId]), (l) => ({ ideaTitle: data.title, status: fateStepLabel(data.status, l), explanation: data.explanation ?? '' }));
        return;
      }
      case ParticipationEvents.registrationConfirmed.type: {
        const data = event.data as { userId: string; code: string; startsAt: string };
        await this.notify(manager, event, event.type, await this.recipients.byIds(manager, [data.userId]), () => ({ code: data.code, startsAt: data.startsAt }));
        return;
      }
      case ParticipationEvents.commentAnswered.type: {
        const data = event.data as { authorId: string };
        await this.notify(manager, event, event.type, await this.recipients.byIds(manager, [data.authorId]), () => ({}));
        return;
      }
      default:
        return;
    }
  }

  private async notify(manager: EntityManager, event: EventEnvelope, type: string, recipients: Recipient[], values: Values): Promise<void> {
    const template = TEMPLATES[type];
    if (!template || recipients.length === 0) return;
    let emails = 0;
    for (const r of recipients) {
      const v = values(r.language);
      const title = render(template.title[r.language], v);
      const body = render(template.body[r.language], v).trim();
      await manager.query(
        `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body) VALUES ($1, $2, $3, $4, 'in_app', $5, $6)
         ON CONFLICT (event_id, recipient_id, channel) DO NOTHING`,
        [randomUUID(), r.userId, event.id, type, title, body],
      );
      const mode = await this.preferences.modeFor(manager, r.userId, type);
      if (mode === 'off' || !r.email) continue;
      const notificationId = randomUUID();
      const inserted = await manager.query(
        `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body) VALUES ($1, $2, $3, $4, 'email', $5, $6)
         ON CONFLICT (event_id, recipient_id, channel) DO NOTHING RETURNING id`,
        [notificationId, r.userId, event.id, type, title, body],
      );
      if (inserted.length === 0) continue;
      await manager.query(`INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        randomUUID(),
        notificationId,
        r.userId,
        r.email,
        title,
        body,
        mode === 'digest' ? 'digest' : 'pending',
      ]);
      emails += 1;
    }
    this.logger.info({ eventId: event.id, type: event.type, recipients: recipients.length, emails }, 'in-app notifications recorded');
  }
}
