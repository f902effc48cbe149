import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first answer to each write sent with an Idempotency-Key, per actor (kept 24 h). */
export class GatewayIdempotency1732100000120 implements MigrationInterface {
  name = 'GatewayIdempotency1732100000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE idempotent_answers (
      actor_id uuid NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      status int,
      body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (actor_id, key)
    )`);
    await q.query(`CREATE INDEX idempotent_answers_created_idx ON idempotent_answers (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotent_answers`);
  }
}
