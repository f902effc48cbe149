import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole } from '@ogp/auth';
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
import { OutboxWriter } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { DataSource } from 'typeorm';
import { assertWindow, CyclesService, STAFF } from '../cycles/cycles.service';

/** Workshops: registration with a confirmation code, capacity held exactly, attendance, outputs. */
@Injectable()
export class WorkshopsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly cycles: CyclesService,
  ) {}

  async create(actor: Actor | null, dto: CreateWorkshopDto): Promise<WorkshopView> {
    assertRole(actor, STAFF);
    if (new Date(dto.registrationClosesAt) <= new Date(dto.registrationOpensAt))
      throw invalidFields('registration closes before it opens', {
        field: 'registrationClosesAt',
        rule: 'after',
        args: ['registrationOpensAt'],
      });
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const [theme] = await m.query(`SELECT 1 FROM themes WHERE id = $1 AND cycle_id = $2`, [dto.themeId, dto.cycleId]);
      if (!theme) throw new DomainError(ErrorCode.NOT_FOUND, 'no such theme in this cycle');
      const [taken] = await m.query(`SELECT 1 FROM workshops WHERE cycle_id = $1 AND number = $2`, [
        dto.cycleId,
        dto.number,
      ]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `workshop ${dto.number} exists`);
      await m.query(
        `INSERT INTO workshops (id, cycle_id, theme_id, number, title, organiser, institutions, starts_at, registration_opens_at, registration_closes_at, capacity, agenda)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          id,
          dto.cycleId,
          dto.themeId,
          dto.number,
          JSON.stringify(dto.title),
          dto.organiser,
          dto.institutions,
          dto.startsAt,
          dto.registrationOpensAt,
          dto.registrationClosesAt,
          dto.capacity,
          JSON.stringify(dto.agenda ?? []),
        ],
      );
      await this.outbox.add(m, ParticipationEvents.workshopCreated, {
        aggregate: { type: 'workshop', id },
        data: { workshopId: id, cycleId: dto.cycleId, startsAt: dto.startsAt, capacity: dto.capacity },
        actorId: actor.id,
      });
    });
    return this.get(id);
  }

  async get(id: string): Promise<WorkshopView> {
    const [w] = await this.dataSource.query(
      `SELECT w.*, (SELECT count(*)::int FROM registrations r WHERE r.workshop_id = w.id AND r.attended) AS present FROM workshops w WHERE w.id = $1`,
      [id],
    );
    if (!w) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
    return {
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
    };
  }

  async list(cycleId: string): Promise<WorkshopView[]> {
    await this.cycles.assertExists(cycleId);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM workshops WHERE cycle_id = $1 ORDER BY number LIMIT 200`,
      [cycleId],
    );
    return Promise.all(rows.map((r) => this.get(r.id)));
  }

  /** One seat, taken atomically: with N seats, exactly N registrations are confirmed. */
  async register(actor: Actor | null, workshopId: string): Promise<RegistrationView> {
    assertRole(actor, ['citizen', 'cso', 'project_manager', 'committee_member', 'coordinator', 'admin']);
    return this.dataSource.transaction(async (m) => {
      const [w] = await m.query(
        `SELECT registration_opens_at, registration_closes_at, starts_at FROM workshops WHERE id = $1`,
        [workshopId],
      );
      if (!w) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
      assertWindow(this.clock.now(), w.registration_opens_at, w.registration_closes_at);
      const [existing] = await m.query(
        `SELECT code FROM registrations WHERE workshop_id = $1 AND user_id = $2 AND status = 'confirmed'`,
        [workshopId, actor.id],
      );
      if (existing) return { workshopId, code: existing.code, status: 'confirmed' as const };
      const taken = await m
        .query(
          `UPDATE workshops SET confirmed = confirmed + 1 WHERE id = $1 AND confirmed < capacity RETURNING confirmed`,
          [workshopId],
        )
        .then((r) => r[0]);
      if (!taken.length) throw new DomainError(ErrorCode.FULL, 'the workshop is full');
      const code = randomBytes(5).toString('hex').toUpperCase();
      try {
        await m.query(
          `INSERT INTO registrations (id, workshop_id, user_id, code, status) VALUES ($1, $2, $3, $4, 'confirmed')`,
          [randomUUID(), workshopId, actor.id, code],
        );
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
    });
  }

  async cancel(actor: Actor | null, workshopId: string, code: string): Promise<RegistrationView> {
    assertRole(actor, ['citizen', 'cso', 'project_manager', 'committee_member', 'coordinator', 'admin']);
    return this.dataSource.transaction(async (m) => {
      const cancelled = await m
        .query(
          `UPDATE registrations SET status = 'cancelled' WHERE workshop_id = $1 AND code = $2 AND user_id = $3 AND status = 'confirmed' RETURNING id`,
          [workshopId, code, actor.id],
        )
        .then((r) => r[0]);
      if (!cancelled.length) throw new DomainError(ErrorCode.NOT_FOUND, 'no confirmed registration with this code');
      await m.query(`UPDATE workshops SET confirmed = confirmed - 1 WHERE id = $1`, [workshopId]);
      await this.outbox.add(m, ParticipationEvents.registrationCancelled, {
        aggregate: { type: 'workshop', id: workshopId },
        data: { workshopId, userId: actor.id, code },
        actorId: actor.id,
      });
      return { workshopId, code, status: 'cancelled' as const };
    });
  }

  async markAttendance(actor: Actor | null, workshopId: string, dto: AttendanceDto): Promise<{ present: number }> {
    assertRole(actor, STAFF);
    return this.dataSource.transaction(async (m) => {
      const [w] = await m.query(`SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE`, [workshopId]);
      if (!w) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
      await m.query(
        `UPDATE registrations SET attended = true WHERE workshop_id = $1 AND status = 'confirmed' AND code = ANY($2::text[])`,
        [workshopId, dto.presentCodes.map((c) => c.toUpperCase())],
      );
      const [{ present }] = await m.query(
        `SELECT count(*)::int AS present FROM registrations WHERE workshop_id = $1 AND attended`,
        [workshopId],
      );
      await this.outbox.add(m, ParticipationEvents.attendanceMarked, {
        aggregate: { type: 'workshop', id: workshopId },
        data: { workshopId, present },
        actorId: actor.id,
      });
      return { present };
    });
  }

  async rankProblems(actor: Actor | null, workshopId: string, dto: RankProblemsDto): Promise<WorkshopView> {
    assertRole(actor, STAFF);
    const problems = [...dto.problems].sort((a, b) => a.priority - b.priority);
    const updated = await this.dataSource
      .query(`UPDATE workshops SET problems = $2 WHERE id = $1 RETURNING id`, [workshopId, JSON.stringify(problems)])
      .then((r) => r[0]);
    if (!updated.length) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
    return this.get(workshopId);
  }

  async outputs(actor: Actor | null, workshopId: string, dto: WorkshopOutputsDto): Promise<WorkshopView> {
    assertRole(actor, STAFF);
    // An empty (or null) body names nothing to record: refused rather than answered as a write.
    if (!dto.reportUrl && !dto.recordingUrl)
      throw invalidFields('give reportUrl or recordingUrl', { field: 'reportUrl', rule: 'required' });
    const updated = await this.dataSource
      .query(
        `UPDATE workshops SET report_url = coalesce($2, report_url), recording_url = coalesce($3, recording_url) WHERE id = $1 RETURNING id`,
        [workshopId, dto.reportUrl ?? null, dto.recordingUrl ?? null],
      )
      .then((r) => r[0]);
    if (!updated.length) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
    return this.get(workshopId);
  }
}
