import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1732100000300 implements MigrationInterface {
  name = 'Notifications1732100000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE recipients (
      user_id uuid PRIMARY KEY,
      email text NOT NULL,
      display_name text NOT NULL,
      roles text[] NOT NULL,
      scopes jsonb NOT NULL,
      language text NOT NULL,
      active boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX recipients_roles_idx ON recipients USING gin (roles)`);
    await q.query(`CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      recipient_id uuid NOT NULL,
      event_id uuid NOT NULL,
      type text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('in_app','email')),
      title text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      UNIQUE (event_id, recipient_id, channel)
    )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE recipients`);
  }
}
