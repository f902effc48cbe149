import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  AttendanceDto,
  CreateWorkshopDto,
  DomainError,
  ErrorCode,
  invalidFields,
  ParticipationEvents,
  RankProblemsDto,
  RegistrationView,
  WorkshopOutputsDto,
  WorkshopView,
} from '@ogp/contracts';
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { assertWindow } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { CyclesService } from '../cycles/cycles.service';
import { WorkshopRow, WorkshopsRepository } from './workshops.repository';

const workshopView = (w: WorkshopRow): WorkshopView => ({
  id: w.id,
  cycleId: w.cycle_id,
  themeId: w.theme_id,
  number: w.number,
  title: w.title,
  organiser: w.organiser,
  institutions: w.institutions,
  startsAt: w.starts_at.toISOString(),
  registrationOpensAt: w.registration_opens_at.toISOString(),
  registrationClosesAt: w.registration_closes_at.toISOString(),
  capacity: w.capacity,
  confirmed: w.confirmed,
  present: w.present,
  agenda: w.agenda,
  problems: w.problems,
  reportUrl: w.report_url,
  recordingUrl: w.recording_url,
});

/** Workshops: registration with a confirmation code, capacity held exactly, attendance, outputs. */
@Injectable()
export class WorkshopsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly cycles: CyclesService,
  ) {}

  async create(
    actor: Actor | null,
    dto: CreateWorkshopDto,
    idempotencyKey: string | null = null,
  ): Promise<WorkshopView> {
    assertRole(actor, RoleGroup.COORDINATION);
    if (new Date(dto.registrationClosesAt) <= new Date(dto.registrationOpensAt))
      throw invalidFields('registration closes before it opens', {
        field: 'registrationClosesAt',
        rule: 'after',
        args: ['registrationOpensAt'],
      });
    return this.dataSource.transaction((m) =>
      runIdempotent(
        m,
        idempotencyKey && `${actor.id}:${idempotencyKey}`,
        'participation.workshops.create',
        async () => {
          const id = randomUUID();
          await this.cycles.assertTheme(dto.cycleId, dto.themeId, m);
          if (await this.workshops.numberTaken(m, dto.cycleId, dto.number))
            throw new DomainError(ErrorCode.ALREADY_EXISTS, `workshop ${dto.number} exists`);
          await this.workshops.insert(m, id, dto);
          await this.outbox.add(m, ParticipationEvents.workshopCreated, {
            aggregate: { type: 'workshop', id },
            data: { workshopId: id, cycleId: dto.cycleId, startsAt: dto.startsAt, capacity: dto.capacity },
            actorId: actor.id,
          });
          return this.get(id, m);
        },
      ),
    );
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<WorkshopView> {
    const w = await this.workshops.find(id, m);
    if (!w) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
    return workshopView(w);
  }

  async list(cycleId: string): Promise<WorkshopView[]> {
    await this.cycles.assertExists(cycleId);
    const ids = await this.workshops.idsOfCycle(cycleId);
    return Promise.all(ids.map((id) => this.get(id)));
  }

  /** One seat, taken atomically: with N seats, exactly N registrations are confirmed. */
  async register(
    actor: Actor | null,
    workshopId: string,
    idempotencyKey: string | null = null,
  ): Promise<RegistrationView> {
    assertRole(actor, RoleGroup.ALL);
    return this.dataSource.transaction((m) =>
      runIdempotent(
        m,
        idempotencyKey && `${actor.id}:${idempotencyKey}`,
        'participation.workshops.register',
        async () => {
          const w = await this.workshops.registrationWindow(m, workshopId);
          if (!w) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
          assertWindow(this.clock.now(), w.registration_opens_at, w.registration_closes_at);
          const existing = await this.workshops.confirmedCode(m, workshopId, actor.id);
          if (existing) return { workshopId, code: existing, status: 'confirmed' as const };
          if (!(await this.workshops.takeSeat(m, workshopId)))
            throw new DomainError(ErrorCode.FULL, 'the workshop is full');
          const code = randomBytes(5).toString('hex').toUpperCase();
          try {
            await this.workshops.insertRegistration(m, { id: randomUUID(), workshopId, userId: actor.id, code });
          } catch (err) {
            if ((err as { code?: string }).code === '23505')
              throw new DomainError(ErrorCode.CONFLICT, 'already registered');
            throw err;
          }
          await this.outbox.add(m, ParticipationEvents.registrationConfirmed, {
            aggregate: { type: 'workshop', id: workshopId },
            data: { workshopId, userId: actor.id, code, startsAt: w.starts_at.toISOString() },
            actorId: actor.id,
          });
          return { workshopId, code, status: 'confirmed' as const };
        },
      ),
    );
  }

  async cancel(actor: Actor | null, workshopId: string, code: string): Promise<RegistrationView> {
    assertRole(actor, RoleGroup.ALL);
    return this.dataSource.transaction(async (m) => {
      if (!(await this.workshops.cancelRegistration(m, workshopId, code, actor.id)))
        throw new DomainError(ErrorCode.NOT_FOUND, 'no confirmed registration with this code');
      await this.workshops.releaseSeat(m, workshopId);
      await this.outbox.add(m, ParticipationEvents.registrationCancelled, {
        aggregate: { type: 'workshop', id: workshopId },
        data: { workshopId, userId: actor.id, code },
        actorId: actor.id,
      });
      return { workshopId, code, status: 'cancelled' as const };
    });
  }

  async markAttendance(actor: Actor | null, workshopId: string, dto: AttendanceDto): Promise<{ present: number }> {
    assertRole(actor, RoleGroup.COORDINATION);
    return this.dataSource.transaction(async (m) => {
      if (!(await this.workshops.lock(m, workshopId))) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
      const codes = dto.presentCodes.map((c) => c.toUpperCase());
      const present = await this.workshops.markPresent(m, workshopId, codes);
      await this.outbox.add(m, ParticipationEvents.attendanceMarked, {
        aggregate: { type: 'workshop', id: workshopId },
        data: { workshopId, present },
        actorId: actor.id,
      });
      return { present };
    });
  }

  async rankProblems(actor: Actor | null, workshopId: string, dto: RankProblemsDto): Promise<WorkshopView> {
    assertRole(actor, RoleGroup.COORDINATION);
    const problems = [...dto.problems].sort((a, b) => a.priority - b.priority);
    if (!(await this.workshops.setProblems(workshopId, problems)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
    return this.get(workshopId);
  }

  async outputs(actor: Actor | null, workshopId: string, dto: WorkshopOutputsDto): Promise<WorkshopView> {
    assertRole(actor, RoleGroup.COORDINATION);
    // An empty (or null) body names nothing to record: refused rather than answered as a write.
    if (!dto.reportUrl && !dto.recordingUrl)
      throw invalidFields('give reportUrl or recordingUrl', { field: 'reportUrl', rule: 'required' });
    if (!(await this.workshops.setOutputs(workshopId, dto.reportUrl ?? null, dto.recordingUrl ?? null)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
    return this.get(workshopId);
  }
}
