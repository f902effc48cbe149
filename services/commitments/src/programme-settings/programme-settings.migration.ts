import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest of a programme's schedule settings, beside the reporting period the programme already has. */
export class ProgrammeSettings1764583200000 implements MigrationInterface {
  name = 'ProgrammeSettings1764583200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programmes
      ADD COLUMN escalation_days int NOT NULL DEFAULT 14 CHECK (escalation_days BETWEEN 1 AND 365),
      ADD COLUMN time_zone text NOT NULL DEFAULT 'Africa/Casablanca',
      ADD COLUMN settings_version int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE programmes DROP COLUMN escalation_days, DROP COLUMN time_zone, DROP COLUMN settings_version`,
    );
  }
}
