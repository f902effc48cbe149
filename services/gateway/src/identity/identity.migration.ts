import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1732100000100 implements MigrationInterface {
  name = 'Identity1732100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL,
      scopes jsonb NOT NULL DEFAULT '{"institutions":[],"programmes":[]}'::jsonb,
      language text NOT NULL DEFAULT 'ar' CHECK (language IN ('ar','fr','en')),
      active boolean NOT NULL DEFAULT true,
      failed_logins int NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE TABLE sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_reason text
    )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES sessions(id),
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
    await q.query(`CREATE TABLE account_changes (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      actor_id uuid,
      action text NOT NULL,
      before jsonb,
      after jsonb,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX account_changes_user_idx ON account_changes (user_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_changes`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
  }
}
