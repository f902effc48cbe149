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
  LevelChangedEvent,
  ProgressReportedEvent,
  Localized,
  ParticipationEvents,
  PlanEvents,
  ProgrammeCreatedEvent,
  ReportFinishedEvent,
  ReportingEvents,
  UserDirectoryEntry,
} from '@ogp/contracts';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { AlertBatchesService } from '../email/alert-batches.service';
import { OPEN_LINK_LABEL } from '../labels/link-labels.constant';
import { NotificationsConfig } from '../notifications.config';
import { PreferencesService } from '../preferences/preferences.service';
import { Recipient, RecipientsRepository } from '../recipients/recipients.repository';
import { FollowsRepository } from '../follows/follows.repository';
import { completionLevelLabel } from '../labels/completion-level-labels.constant';
import { fateStepLabel } from '../labels/fate-step-labels.constant';
import { phaseLabel } from '../labels/phase-labels.constant';
import { publicationKindLabel } from '../labels/publication-kind-labels.constant';
import { roleList } from '../labels/role-labels.constant';
import { PortalPaths } from './portal-paths.constant';
import { AccountMailDispatcher } from './account-mail.dispatcher';
import { stableUuid } from './stable-uuid';
import { render, TEMPLATES } from './templates.constant';

/** A report kind as its requester reads it. */
const REPORT_KIND_LABELS: Record<string, Record<Language, string>> = {
  self_assessment: { ar: 'التقييم الذاتي', fr: 'Auto-évaluation', en: 'Self-assessment' },
  plan_dashboard: { ar: 'لوحة قيادة الخطة', fr: 'Tableau de bord du plan', en: 'Plan dashboard' },
  co_creation_synthesis: { ar: 'خلاصة الإنشاء المشترك', fr: 'Synthèse de la co-création', en: 'Co-creation synthesis' },
  activities: { ar: 'الأنشطة', fr: 'Activités', en: 'Activities' },
};

function localized(value: Localized | null | undefined, language: Language): string {
  if (!value) return '';
  return value[language] ?? value.ar;
}

/** A calendar date (YYYY-MM-DD) as the reader writes it. */
function localDate(date: string | null | undefined, language: Language): string {
  if (!date) return '';
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(day.getTime())
    ? date
    : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

/** An instant as the reader writes it, in the platform's display time zone. */
function localInstant(instant: string | Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}

/** Each person once, and never the one who caused the event. */
function othersThan(authorId: string | null | undefined, ...groups: Recipient[][]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const r of groups.flat()) if (r.userId !== authorId && !seen.has(r.userId)) seen.set(r.userId, r);
  return [...seen.values()];
}

type Values = (language: Language) => Record<string, string>;

interface NotifyOptions {
  /** Portal path of the item, without the language prefix. */
  path?: string | null;
  /** Alerts of one sweep: immediate e-mails wait to go out together, one per person. */
  batch?: { sweepId: string; kind: string };
}

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
    private readonly batches: AlertBatchesService,
    private readonly follows: FollowsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    private readonly accountMail: AccountMailDispatcher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (this.accountMail.handles(event.type)) return this.accountMail.handle(event, manager);
    switch (event.type) {
      case IdentityEvents.userRegistered.type:
      case IdentityEvents.userDeactivated.type:
        await this.recipients.upsert(manager, event.data as UserDirectoryEntry);
        return;
      case IdentityEvents.userCreated.type: {
        const entry = event.data as UserDirectoryEntry;
        await this.recipients.upsert(manager, entry);
        await this.notify(manager, event, event.type, await this.recipients.byIds(manager, [entry.userId]), (l) => ({
          roles: roleList(entry.roles, l),
        }));
        return;
      }
      case CommitmentsEvents.programmeCreated.type: {
        const data = event.data as ProgrammeCreatedEvent;
        await this.notify(
          manager,
          event,
          event.type,
          await this.recipients.withRoles(manager, ['coordinator', 'admin']),
          (l) => ({ name: localized(data.name, l), code: data.code }),
        );
        return;
      }
      case ReportingEvents.alertRaised.type: {
        const alert = event.data as AlertRaisedEvent;
        const people = await this.recipients.audience(manager, alert.audience, alert.programmeId, alert.institutionId);
        const summary = alert.summary;
        const sweep = alert.sweep;
        const batched = sweep ? await this.batches.join(manager, sweep) : false;
        const values: Values = (l) => ({
          title: localized(alert.title, l),
          activity: localized(alert.activityTitle, l),
          dueDate: localDate(alert.dueDate, l),
          period: alert.period,
          progress: summary ? String(summary.progress) : '',
          overdueActivities: summary ? String(summary.overdueActivities) : '',
          lateCommitments: summary ? String(summary.lateCommitments) : '',
        });
        await this.notify(manager, event, `reporting.alert.${alert.kind}`, people, values, {
          path: alert.commitmentId ? PortalPaths.commitment(alert.commitmentId) : null,
          batch: sweep && batched ? { sweepId: sweep.id, kind: alert.kind } : undefined,
        });
        if (sweep) await this.batches.completeIfLast(manager, sweep.id);
        return;
      }
      case PlanEvents.blockerRaised.type: {
        const data = event.data as BlockerEvent;
        const people = await this.recipients.audience(manager, ['committee', 'coordinators'], data.programmeId, null);
        await this.notify(
          manager,
          event,
          event.type,
          people,
          (l) => ({ blockerTitle: data.blockerTitle, title: localized(data.title, l) }),
          {
            path: PortalPaths.commitment(data.commitmentId),
          },
        );
        return;
      }
      case PlanEvents.blockerAnswered.type: {
        const data = event.data as BlockerEvent & { answer: string };
        await this.notify(
          manager,
          event,
          event.type,
          await this.recipients.byIds(manager, [data.raisedBy]),
          () => ({ blockerTitle: data.blockerTitle, answer: data.answer }),
          {
            path: PortalPaths.commitment(data.commitmentId),
          },
        );
        return;
      }
      case ParticipationEvents.ideaFateChanged.type: {
        const data = event.data as IdeaFateEvent;
        if (!data.authorId) return;
        await this.notify(
          manager,
          event,
          event.type,
          await this.recipients.byIds(manager, [data.authorId]),
          (l) => ({
            ideaTitle: data.title,
            status: fateStepLabel(data.status, l),
            explanation: data.explanation ?? '',
          }),
          {
            // Until the fate is published only the author sees the idea's path, in their own space.
            path: data.status === 'published' ? PortalPaths.idea(data.cycleId, data.ideaId) : PortalPaths.myIdeas(),
          },
        );
        return;
      }
      case PlanEvents.progressReported.type: {
        // The commitment's followers and its institution's other project managers; not the author.
        const data = event.data as ProgressReportedEvent;
        const followers = await this.follows.followers(manager, 'commitment', data.commitmentId);
        const managers = await this.recipients.audience(
          manager,
          ['project_managers'],
          data.programmeId,
          data.leadInstitutionId,
        );
        await this.notify(
          manager,
          event,
          event.type,
          othersThan(data.reportedBy, followers, managers),
          (l) => ({
            title: localized(data.title, l),
            activity: localized(data.activityTitle, l),
            progress: new Intl.NumberFormat(l, { maximumFractionDigits: 1 }).format(data.progress),
            reportedOn: localDate(data.reportedOn, l),
          }),
          { path: PortalPaths.commitment(data.commitmentId) },
        );
        return;
      }
      case PlanEvents.completionLevelChanged.type: {
        const data = event.data as LevelChangedEvent;
        const followers = await this.follows.followers(manager, 'commitment', data.commitmentId);
        await this.notify(
          manager,
          event,
          event.type,
          othersThan(event.actorId, followers),
          (l) => ({
            title: localized(data.title, l),
            before: completionLevelLabel(data.before, l),
            after: completionLevelLabel(data.after, l),
          }),
          { path: PortalPaths.commitment(data.commitmentId) },
        );
        return;
      }
      case ParticipationEvents.publicationPublished.type: {
        // Publications of a cycle reach its followers; the others are for everyone and notify no one.
        const data = event.data as { publicationId: string; kind: string; title: Localized; cycleId?: string | null };
        if (!data.cycleId) return;
        const followers = await this.follows.followers(manager, 'cycle', data.cycleId);
        const cycleTitle = await this.follows.title(manager, 'cycle', data.cycleId);
        await this.notify(
          manager,
          event,
          event.type,
          othersThan(event.actorId, followers),
          (l) => ({
            title: localized(data.title, l),
            kind: publicationKindLabel(data.kind, l),
            cycle: localized(cycleTitle, l),
          }),
          { path: PortalPaths.publication(data.publicationId) },
        );
        return;
      }
      case ParticipationEvents.registrationConfirmed.type: {
        const data = event.data as { userId: string; code: string; startsAt: string };
        await this.notify(manager, event, event.type, await this.recipients.byIds(manager, [data.userId]), () => ({
          code: data.code,
          startsAt: data.startsAt,
        }));
        return;
      }
      case ReportingEvents.reportFinished.type: {
        // The requester of a report hears of its end: ready, or failed (a lost job that could not be run).
        const data = event.data as ReportFinishedEvent;
        if (!data.requestedBy) return;
        await this.notify(
          manager,
          event,
          `reporting.report.${data.status}`,
          await this.recipients.byIds(manager, [data.requestedBy]),
          (l) => ({
            kind: REPORT_KIND_LABELS[data.kind]?.[l] ?? data.kind,
            format: data.format.toUpperCase(),
          }),
        );
        return;
      }
      case ParticipationEvents.commentAnswered.type: {
        const data = event.data as { authorId: string };
        await this.notify(
          manager,
          event,
          event.type,
          await this.recipients.byIds(manager, [data.authorId]),
          () => ({}),
        );
        return;
      }
      default:
        return;
    }
  }

  /** A phase of a followed cycle opened: its followers (since before it opened) are told, once. */
  async phaseOpened(
    manager: EntityManager,
    phase: { cycleId: string; kind: string; opensAt: Date; closesAt: Date; title: Localized },
  ): Promise<void> {
    const id = stableUuid(`phase:${phase.cycleId}:${phase.kind}:${phase.opensAt.toISOString()}`);
    const type = 'participation.cycle.phase-opened';
    const event: EventEnvelope = {
      id,
      type,
      occurredAt: phase.opensAt.toISOString(),
      source: 'notifications',
      aggregate: { type: 'cycle', id: phase.cycleId },
      data: phase,
    };
    const followers = await this.follows.followers(manager, 'cycle', phase.cycleId, phase.opensAt);
    await this.notify(
      manager,
      event,
      type,
      followers,
      (l) => ({
        phase: phaseLabel(phase.kind, l),
        title: localized(phase.title, l),
        closesAt: localInstant(phase.closesAt, l, this.config.DISPLAY_TIMEZONE),
      }),
      { path: PortalPaths.cycle(phase.cycleId) },
    );
  }

  private async notify(
    manager: EntityManager,
    event: EventEnvelope,
    type: string,
    recipients: Recipient[],
    values: Values,
    options: NotifyOptions = {},
  ): Promise<void> {
    const template = TEMPLATES[type];
    if (!template || recipients.length === 0) return;
    const path = options.path ?? null;
    let emails = 0;
    for (const r of recipients) {
      const v = values(r.language);
      const title = render(template.title[r.language], v);
      const body = render(template.body[r.language], v).trim();
      await manager.query(
        `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body, link) VALUES ($1, $2, $3, $4, 'in_app', $5, $6, $7)
         ON CONFLICT (event_id, recipient_id, channel) DO NOTHING`,
        [randomUUID(), r.userId, event.id, type, title, body, path],
      );
      const mode = await this.preferences.modeFor(manager, r.userId, type);
      if (mode === 'off' || !r.email) continue;
      const url = path ? `${this.config.PORTAL_URL}/${r.language}${path}` : null;
      const emailBody = url ? `${body}\n\n${OPEN_LINK_LABEL[r.language]}${url}` : body;
      const notificationId = randomUUID();
      const inserted = await manager.query(
        `INSERT INTO notifications (id, recipient_id, event_id, type, channel, title, body, link) VALUES ($1, $2, $3, $4, 'email', $5, $6, $7)
         ON CONFLICT (event_id, recipient_id, channel) DO NOTHING RETURNING id`,
        [notificationId, r.userId, event.id, type, title, emailBody, path],
      );
      if (inserted.length === 0) continue;
      const batch = mode === 'immediate' ? options.batch : undefined;
      await manager.query(
        `INSERT INTO email_queue (id, notification_id, recipient_id, to_address, subject, body, status, batch_key, batch_kind, batch_line, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          randomUUID(),
          notificationId,
          r.userId,
          r.email,
          title,
          emailBody,
          mode === 'digest' ? 'digest' : batch ? 'batched' : 'pending',
          batch?.sweepId ?? null,
          batch?.kind ?? null,
          batch ? (url ? `${body}\n  ${url}` : body) : null,
          r.language,
        ],
      );
      emails += 1;
    }
    this.logger.info(
      { eventId: event.id, type: event.type, recipients: recipients.length, emails },
      'in-app notifications recorded',
    );
  }
}
