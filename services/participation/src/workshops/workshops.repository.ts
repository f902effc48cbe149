import { Injectable } from '@nestjs/common';
import { CreateWorkshopDto, Localized, WorkshopView } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface WorkshopRow {
  id: string;
  cycle_id: string;
  theme_id: string;
  number: number;
  title: Localized;
  organiser: string;
  institutions: string[];
  starts_at: Date;
  registration_opens_at: Date;
  registration_closes_at: Date;
  capacity: number;
  confirmed: number;
  agenda: WorkshopView['agenda'];
  problems: WorkshopView['problems'];
  report_url: string | null;
  recording_url: string | null;
  /** Registrations marked present. */
  present: number;
}

/** workshops and their registrations. */
@Injectable()
export class WorkshopsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async numberTaken(m: EntityManager, cycleId: string, number: number): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM workshops WHERE cycle_id = $1 AND number = $2`, [
      cycleId,
      number,
    ]);
    return rows.length > 0;
  }

  async insert(m: EntityManager, id: string, dto: CreateWorkshopDto): Promise<void> {
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
  }

  async find(id: string, m: EntityManager = this.dataSource.manager): Promise<WorkshopRow | undefined> {
    const [w] = await m.query<WorkshopRow[]>(
      `SELECT w.*, (SELECT count(*)::int FROM registrations r WHERE r.workshop_id = w.id AND r.attended) AS present FROM workshops w WHERE w.id = $1`,
      [id],
    );
    return w;
  }

  /** The cycle and theme a workshop belongs to. */
  async place(m: EntityManager, id: string): Promise<{ cycle_id: string; theme_id: string } | undefined> {
    const [w] = await m.query<{ cycle_id: string; theme_id: string }[]>(
      `SELECT cycle_id, theme_id FROM workshops WHERE id = $1`,
      [id],
    );
    return w;
  }

  /** In number order, at most 200. */
  async idsOfCycle(cycleId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM workshops WHERE cycle_id = $1 ORDER BY number LIMIT 200`,
      [cycleId],
    );
    return rows.map((r) => r.id);
  }

  async registrationWindow(m: EntityManager, id: string) {
    const [w] = await m.query<{ registration_opens_at: Date; registration_closes_at: Date; starts_at: Date }[]>(
      `SELECT registration_opens_at, registration_closes_at, starts_at FROM workshops WHERE id = $1`,
      [id],
    );
    return w;
  }

  async confirmedCode(m: EntityManager, workshopId: string, userId: string): Promise<string | null> {
    const [existing] = await m.query<{ code: string }[]>(
      `SELECT code FROM registrations WHERE workshop_id = $1 AND user_id = $2 AND status = 'confirmed'`,
      [workshopId, userId],
    );
    return existing?.code ?? null;
  }

  /** One seat, taken atomically: false when the workshop is full. */
  async takeSeat(m: EntityManager, workshopId: string): Promise<boolean> {
    const [taken] = await m.query<[unknown[], number]>(
      `UPDATE workshops SET confirmed = confirmed + 1 WHERE id = $1 AND confirmed < capacity RETURNING confirmed`,
      [workshopId],
    );
    return taken.length > 0;
  }

  async releaseSeat(m: EntityManager, workshopId: string): Promise<void> {
    await m.query(`UPDATE workshops SET confirmed = confirmed - 1 WHERE id = $1`, [workshopId]);
  }

  async insertRegistration(m: EntityManager, r: { id: string; workshopId: string; userId: string; code: string }) {
    await m.query(
      `INSERT INTO registrations (id, workshop_id, user_id, code, status) VALUES ($1, $2, $3, $4, 'confirmed')`,
      [r.id, r.workshopId, r.userId, r.code],
    );
  }

  /** Cancels the person's confirmed registration with this code; false when there is none. */
  async cancelRegistration(m: EntityManager, workshopId: string, code: string, userId: string): Promise<boolean> {
    const [cancelled] = await m.query<[unknown[], number]>(
      `UPDATE registrations SET status = 'cancelled' WHERE workshop_id = $1 AND code = $2 AND user_id = $3 AND status = 'confirmed' RETURNING id`,
      [workshopId, code, userId],
    );
    return cancelled.length > 0;
  }

  async lock(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query<unknown[]>(`SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE`, [id])).length > 0;
  }

  /** Marks the confirmed registrations with these codes present; returns how many are present in all. */
  async markPresent(m: EntityManager, workshopId: string, codes: string[]): Promise<number> {
    await m.query(
      `UPDATE registrations SET attended = true WHERE workshop_id = $1 AND status = 'confirmed' AND code = ANY($2::text[])`,
      [workshopId, codes],
    );
    const [{ present }] = await m.query<{ present: number }[]>(
      `SELECT count(*)::int AS present FROM registrations WHERE workshop_id = $1 AND attended`,
      [workshopId],
    );
    return present;
  }

  async setProblems(id: string, problems: WorkshopView['problems']): Promise<boolean> {
    const [updated] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE workshops SET problems = $2 WHERE id = $1 RETURNING id`,
      [id, JSON.stringify(problems)],
    );
    return updated.length > 0;
  }

  /** Sets the links given, keeps the others. */
  async setOutputs(id: string, reportUrl: string | null, recordingUrl: string | null): Promise<boolean> {
    const [updated] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE workshops SET report_url = coalesce($2, report_url), recording_url = coalesce($3, recording_url) WHERE id = $1 RETURNING id`,
      [id, reportUrl, recordingUrl],
    );
    return updated.length > 0;
  }
}
