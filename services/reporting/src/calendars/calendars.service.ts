import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, ROLES } from '@ogp/auth';
import {
  CalendarFile,
  CommitmentsRpc,
  CycleView,
  Language,
  Localized,
  NotificationsRpc,
  ParticipationRpc,
  PhaseKind,
  WorkshopView,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { Clock, LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import ical, { ICalCalendar } from 'ical-generator';
import type { Logger } from 'pino';
import { ReportingConfig } from '../reporting.config';
import { ActivityDeadline, CalendarEntriesRepository } from './calendar-entries.repository';
import { CALENDAR_MESSAGES } from './calendar-messages.constant';

/** UIDs name the item, not the feed: the same deadline keeps its UID wherever it appears and whenever it moves. */
const UID_DOMAIN = 'ogp-platform';
/** A workshop without an agenda is shown as two hours. */
const DEFAULT_WORKSHOP_MINUTES = 120;
const MAX_FOLLOWED_CYCLES = 50;

/**
 * iCalendar feeds (RFC 5545, written by ical-generator): a plan's activity deadlines, a cycle's
 * phases and workshops, a person's own deadlines. Dates are all-day events, instants are UTC;
 * titles in the reader's language, each event linking to its page on the portal.
 */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly entries: CalendarEntriesRepository,
    private readonly rpc: NatsRpcClient,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Unknown plan: the commitments service's NOT_FOUND goes back to the caller. */
  async plan(planId: string, language: Language): Promise<CalendarFile> {
    const plan = await this.rpc.request(CommitmentsRpc.getPlan, { id: planId });
    const m = CALENDAR_MESSAGES[language];
    const calendar = this.calendar(m.planCalendar(text(plan.title, language)), language);
    this.addDeadlines(calendar, await this.entries.planDeadlines(planId), language);
    return { body: calendar.toString(), fileName: `plan-${plan.code}-${language}.ics` };
  }

  async cycle(cycleId: string, language: Language): Promise<CalendarFile> {
    const cycle = await this.rpc.request(ParticipationRpc.getCycle, { id: cycleId });
    const calendar = this.calendar(CALENDAR_MESSAGES[language].cycleCalendar(text(cycle.title, language)), language);
    this.addPhases(calendar, cycle, language);
    for (const workshop of await this.rpc.request(ParticipationRpc.listWorkshops, { cycleId }))
      this.addWorkshop(calendar, workshop, language);
    return { body: calendar.toString(), fileName: `cycle-${cycle.code}-${language}.ics` };
  }

  /**
   * A project manager's institutions' open activity deadlines and the days their progress
   * reports are due; anyone's registered workshops and the phases of the cycles they follow.
   */
  async personal(actor: Actor | null, language: Language): Promise<CalendarFile> {
    assertRole(actor, ROLES);
    const m = CALENDAR_MESSAGES[language];
    const calendar = this.calendar(m.personalCalendar, language);
    const institutions = actor.roles.includes('project_manager') ? actor.scopes.institutions : [];
    if (institutions.length > 0) {
      this.addDeadlines(calendar, await this.entries.institutionDeadlines(institutions), language);
      for (const due of await this.entries.reportsDue(institutions)) {
        calendar.createEvent({
          id: `report-due-${due.commitmentId}@${UID_DOMAIN}`,
          stamp: this.clock.now(),
          allDay: true,
          start: dateOnly(due.dueDate),
          end: dateOnly(due.dueDate, 1),
          summary: m.reportDue(due.commitmentNumber, text(due.commitmentTitle, language)),
          url: this.link(language, `/commitments/${due.commitmentId}`),
        });
      }
    }
    for (const workshopId of await this.entries.registeredWorkshops(actor.id)) {
      const workshop = await this.rpc.request(ParticipationRpc.getWorkshop, { id: workshopId }).catch((err: Error) => {
        this.logger.warn(
          { workshopId, err: err.message },
          'personal calendar without a workshop the participation service did not give',
        );
        return null;
      });
      if (workshop) this.addWorkshop(calendar, workshop, language);
    }
    const follows = await this.rpc.request(
      NotificationsRpc.listFollows,
      { limit: MAX_FOLLOWED_CYCLES, offset: 0 },
      { actor },
    );
    for (const follow of follows.items.filter((f) => f.kind === 'cycle')) {
      const cycle = await this.rpc.request(ParticipationRpc.getCycle, { id: follow.id }).catch(() => null);
      if (cycle) this.addPhases(calendar, cycle, language);
    }
    return { body: calendar.toString(), fileName: `my-deadlines-${language}.ics` };
  }

  private calendar(name: string, language: Language): ICalCalendar {
    return ical({
      name,
      prodId: { company: 'OGP platform', product: 'feeds', language: language.toUpperCase() },
      url: this.link(language, ''),
    });
  }

  private addDeadlines(calendar: ICalCalendar, deadlines: ActivityDeadline[], language: Language): void {
    const m = CALENDAR_MESSAGES[language];
    for (const d of deadlines) {
      calendar.createEvent({
        id: `activity-${d.activityId}@${UID_DOMAIN}`,
        stamp: this.clock.now(),
        allDay: true,
        start: dateOnly(d.endDate),
        end: dateOnly(d.endDate, 1),
        summary: m.activityDeadline(
          text(d.activityTitle, language) || text(d.commitmentTitle, language),
          d.commitmentNumber,
        ),
        description: text(d.commitmentTitle, language),
        url: this.link(language, `/commitments/${d.commitmentId}`),
      });
    }
  }

  private addPhases(calendar: ICalCalendar, cycle: CycleView, language: Language): void {
    const m = CALENDAR_MESSAGES[language];
    for (const phase of cycle.phases) {
      calendar.createEvent({
        id: `phase-${cycle.id}-${phase.kind}@${UID_DOMAIN}`,
        stamp: this.clock.now(),
        start: new Date(phase.opensAt),
        end: new Date(phase.closesAt),
        summary: m.phase(m.phases[phase.kind as PhaseKind] ?? phase.kind, text(cycle.title, language)),
        url: this.link(language, `/cycles/${cycle.id}`),
      });
    }
  }

  private addWorkshop(calendar: ICalCalendar, workshop: WorkshopView, language: Language): void {
    const minutes = workshop.agenda.reduce((sum, item) => sum + item.minutes, 0) || DEFAULT_WORKSHOP_MINUTES;
    const start = new Date(workshop.startsAt);
    calendar.createEvent({
      id: `workshop-${workshop.id}@${UID_DOMAIN}`,
      stamp: this.clock.now(),
      start,
      end: new Date(start.getTime() + minutes * 60_000),
      summary: CALENDAR_MESSAGES[language].workshop(text(workshop.title, language)),
      description: workshop.organiser,
      url: this.link(language, `/cycles/${workshop.cycleId}`),
    });
  }

  private link(language: Language, path: string): string {
    return `${this.config.PORTAL_URL.replace(/\/+$/, '')}/${language}${path}`;
  }
}

function text(value: Localized | null | undefined, language: Language): string {
  return value?.[language] || value?.ar || '';
}

/** A calendar date as midnight UTC: ical-generator writes all-day dates from the UTC fields. */
function dateOnly(date: string, plusDays = 0): Date {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + plusDays);
  return day;
}
