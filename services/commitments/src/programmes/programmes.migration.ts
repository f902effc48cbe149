import { MigrationInterface, QueryRunner } from 'typeorm';

export class Programmes1732100000200 implements MigrationInterface {
  name = 'Programmes1732100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programmes (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('ogp_national','ogp_local','parliament','national_strategy')),
      name jsonb NOT NULL,
      description jsonb,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE change_history (
      id bigserial PRIMARY KEY,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      action text NOT NULL,
      actor_id uuid,
      before jsonb,
      after jsonb,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX change_history_entity_idx ON change_history (entity_type, entity_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE change_history`);
    await q.query(`DROP TABLE programmes`);
  }
}
