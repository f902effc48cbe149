import { MigrationInterface, QueryRunner } from 'typeorm';

/** Links to the item a notification is about, and alert e-mails gathered per sweep and person. */
export class NotificationsLinks1764580000000 implements MigrationInterface {
  name = 'NotificationsLinks1764580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN link text`);
    await q.query(
      `ALTER TABLE email_queue ADD COLUMN batch_key uuid, ADD COLUMN batch_kind text, ADD COLUMN batch_line text`,
    );
    await q.query(`ALTER TABLE email_queue DROP CONSTRAINT email_queue_status_check`);
    await q.query(
      `ALTER TABLE email_queue ADD CONSTRAINT email_queue_status_check CHECK (status IN ('pending','sent','dead','digest','digested','batched','grouped'))`,
    );
    await q.query(`CREATE INDEX email_queue_batch_idx ON email_queue (batch_key) WHERE status = 'batched'`);
    await q.query(`CREATE TABLE alert_sweeps (
      sweep_id uuid PRIMARY KEY,
      size int NOT NULL,
      handled int NOT NULL DEFAULT 0,
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      flushed_at timestamptz)`);
    await q.query(`CREATE INDEX alert_sweeps_waiting_idx ON alert_sweeps (first_seen_at) WHERE flushed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_sweeps`);
    await q.query(`DROP INDEX email_queue_batch_idx`);
    await q.query(`ALTER TABLE email_queue DROP CONSTRAINT email_queue_status_check`);
    await q.query(
      `ALTER TABLE email_queue ADD CONSTRAINT email_queue_status_check CHECK (status IN ('pending','sent','dead','digest','digested'))`,
    );
    await q.query(`ALTER TABLE email_queue DROP COLUMN batch_key, DROP COLUMN batch_kind, DROP COLUMN batch_line`);
    await q.query(`ALTER TABLE notifications DROP COLUMN link`);
  }
}
