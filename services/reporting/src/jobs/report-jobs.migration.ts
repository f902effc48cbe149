import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report row is the truth, its BullMQ job only a means: `running_until` is the lease of the
 * worker generating it (renewed while it works), `requeues` how often its lost job was queued again.
 */
export class ReportJobs1764900000100 implements MigrationInterface {
  name = 'ReportJobs1764900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE reports ADD COLUMN running_until timestamptz, ADD COLUMN requeues int NOT NULL DEFAULT 0`,
    );
    await q.query(`CREATE INDEX reports_unfinished_idx ON reports (created_at) WHERE status IN ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reports_unfinished_idx`);
    await q.query(`ALTER TABLE reports DROP COLUMN running_until, DROP COLUMN requeues`);
  }
}
