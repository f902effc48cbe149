import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lets the overdue sweep touch only what crossed its deadline since its last run: per
 * programme, the day it last swept through (with the settings that sweep judged by), and the
 * activities changed since (a row per change, written by a statement trigger on the read model).
 */
export class SweepWatermarks1764990000100 implements MigrationInterface {
  name = 'SweepWatermarks1764990000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sweep_watermarks (
      programme_id uuid NOT NULL, sweep text NOT NULL, swept_through date NOT NULL,
      time_zone text NOT NULL, escalation_days int NOT NULL, swept_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (programme_id, sweep))`);
    await q.query(`CREATE TABLE activity_changes (seq bigserial PRIMARY KEY, activity_id uuid NOT NULL)`);
    // Statement triggers with transition tables: a bulk load or rebuild costs one INSERT ... SELECT.
    await q.query(`CREATE FUNCTION activity_changes_record() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO activity_changes (activity_id) SELECT id FROM new_rows;
        ELSE
          INSERT INTO activity_changes (activity_id)
          SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE (n.end_date, n.progress, n.removed, n.commitment_id) IS DISTINCT FROM (o.end_date, o.progress, o.removed, o.commitment_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER rm_activities_inserted AFTER INSERT ON rm_activities
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_changes_record()`);
    await q.query(`CREATE TRIGGER rm_activities_updated AFTER UPDATE ON rm_activities
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_changes_record()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rm_activities_updated ON rm_activities`);
    await q.query(`DROP TRIGGER rm_activities_inserted ON rm_activities`);
    await q.query(`DROP FUNCTION activity_changes_record()`);
    await q.query(`DROP TABLE activity_changes`);
    await q.query(`DROP TABLE sweep_watermarks`);
  }
}
