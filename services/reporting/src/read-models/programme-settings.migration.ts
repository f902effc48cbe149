import { MigrationInterface, QueryRunner } from 'typeorm';

/** The settings copy gains the time zone and the owner's version, so an older event never overwrites a newer one. */
export class ProgrammeSettingsCopy1764583200100 implements MigrationInterface {
  name = 'ProgrammeSettingsCopy1764583200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE programme_settings ADD COLUMN time_zone text, ADD COLUMN version int NOT NULL DEFAULT 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_settings DROP COLUMN time_zone, DROP COLUMN version`);
  }
}
