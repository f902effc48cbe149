import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who follows which commitment or cycle, and the phases of followed cycles announced to them. */
export class NotificationsFollows1764580000100 implements MigrationInterface {
  name = 'NotificationsFollows1764580000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE follows (
      user_id uuid NOT NULL,
      target_kind text NOT NULL CHECK (target_kind IN ('commitment','cycle')),
      target_id uuid NOT NULL,
      title jsonb NOT NULL,
      followed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, target_kind, target_id))`);
    await q.query(`CREATE INDEX follows_target_idx ON follows (target_kind, target_id)`);
    await q.query(`CREATE INDEX follows_user_idx ON follows (user_id, followed_at DESC)`);
    await q.query(`CREATE TABLE cycle_phases (
      cycle_id uuid NOT NULL,
      kind text NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      PRIMARY KEY (cycle_id, kind))`);
    await q.query(`CREATE INDEX cycle_phases_opens_idx ON cycle_phases (opens_at)`);
    await q.query(`CREATE TABLE phase_announcements (
      cycle_id uuid NOT NULL,
      kind text NOT NULL,
      opens_at timestamptz NOT NULL,
      announced_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, kind, opens_at))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE phase_announcements`);
    await q.query(`DROP TABLE cycle_phases`);
    await q.query(`DROP TABLE follows`);
  }
}
