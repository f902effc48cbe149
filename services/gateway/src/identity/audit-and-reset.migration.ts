import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account history becomes the audit trail: changes (before, after) and admin reads of
 * citizens' and CSOs' personal data (details: the query or the account read). Password reset
 * tokens are kept as SHA-256 only.
 */
export class IdentityAuditAndReset1732100000110 implements MigrationInterface {
  name = 'IdentityAuditAndReset1732100000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE account_changes RENAME TO audit_trail`);
    await q.query(`ALTER TABLE audit_trail ALTER COLUMN user_id DROP NOT NULL`);
    await q.query(`ALTER TABLE audit_trail ADD COLUMN details jsonb`);
    await q.query(`CREATE INDEX audit_trail_at_idx ON audit_trail (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_trail_actor_idx ON audit_trail (actor_id, at DESC)`);
    await q.query(`CREATE INDEX audit_trail_action_idx ON audit_trail (action, at DESC)`);
    await q.query(`CREATE TABLE password_reset_tokens (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      invalidated_at timestamptz
    )`);
    await q.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset_tokens`);
    await q.query(`DROP INDEX audit_trail_action_idx`);
    await q.query(`DROP INDEX audit_trail_actor_idx`);
    await q.query(`DROP INDEX audit_trail_at_idx`);
    await q.query(`ALTER TABLE audit_trail DROP COLUMN details`);
    await q.query(`ALTER TABLE audit_trail RENAME TO account_changes`);
  }
}
