import { MigrationInterface, QueryRunner } from 'typeorm';

export class Email1732100000700 implements MigrationInterface {
  name = 'Email1732100000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE email_queue (
      id uuid PRIMARY KEY,
      notification_id uuid NOT NULL UNIQUE,
      recipient_id uuid NOT NULL,
      to_address text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','sent','dead','digest','digested')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX email_queue_due_idx ON email_queue (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX email_queue_digest_idx ON email_queue (recipient_id) WHERE status = 'digest'`);
    await q.query(`CREATE TABLE preferences (
      user_id uuid NOT NULL, type text NOT NULL, mode text NOT NULL CHECK (mode IN ('immediate','digest','off')),
      PRIMARY KEY (user_id, type))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE preferences`);
    await q.query(`DROP TABLE email_queue`);
  }
}
