import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReadModels1732100000400 implements MigrationInterface {
  name = 'ReadModels1732100000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programme_read_model (
      programme_id uuid PRIMARY KEY,
      code text NOT NULL,
      kind text NOT NULL,
      name jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE dashboard_snapshots (
      day date PRIMARY KEY,
      programmes int NOT NULL,
      taken_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dashboard_snapshots`);
    await q.query(`DROP TABLE programme_read_model`);
  }
}
