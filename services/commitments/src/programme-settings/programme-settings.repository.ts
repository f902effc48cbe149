import { Injectable } from '@nestjs/common';
import { ProgrammeSettings } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

export interface StoredProgrammeSettings extends ProgrammeSettings {
  version: number;
}

const COLUMNS = `id AS "programmeId", deadline_notice_days AS "deadlineNoticeDays", escalation_days AS "escalationDays",
                 reporting_period_days AS "reportingPeriodDays", time_zone AS "timeZone", settings_version AS version`;

/** A programme's schedule settings: columns of the programmes table. */
@Injectable()
export class ProgrammeSettingsRepository {
  async lock(m: EntityManager, programmeId: string): Promise<StoredProgrammeSettings | null> {
    const [row] = await m.query<StoredProgrammeSettings[]>(
      `SELECT ${COLUMNS} FROM programmes WHERE id = $1 FOR UPDATE`,
      [programmeId],
    );
    return row ?? null;
  }

  async get(m: EntityManager, programmeId: string): Promise<StoredProgrammeSettings | null> {
    const [row] = await m.query<StoredProgrammeSettings[]>(`SELECT ${COLUMNS} FROM programmes WHERE id = $1`, [
      programmeId,
    ]);
    return row ?? null;
  }

  async save(m: EntityManager, s: ProgrammeSettings): Promise<StoredProgrammeSettings> {
    // An UPDATE ... RETURNING answers [rows, count] through TypeORM's pg driver.
    const [[row]] = await m.query<[StoredProgrammeSettings[], number]>(
      `UPDATE programmes SET deadline_notice_days = $2, escalation_days = $3, reporting_period_days = $4, time_zone = $5,
              settings_version = settings_version + 1, updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [s.programmeId, s.deadlineNoticeDays, s.escalationDays, s.reportingPeriodDays, s.timeZone],
    );
    return row;
  }

  async page(m: EntityManager, after: string | undefined, limit: number): Promise<StoredProgrammeSettings[]> {
    return m.query<StoredProgrammeSettings[]>(
      `SELECT ${COLUMNS} FROM programmes WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [after ?? null, limit],
    );
  }

  /** Postgres evaluates "today" in SQL too, so a zone it does not know would break every read. */
  async knowsTimeZone(m: EntityManager, name: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM pg_timezone_names WHERE name = $1`, [name]);
    return rows.length > 0;
  }
}
