import { MigrationInterface, QueryRunner } from 'typeorm';

/** The open-data files last generated, one per dataset, subject, format and language, with the data version they show. */
export class OpenDataFiles1764900000200 implements MigrationInterface {
  name = 'OpenDataFiles1764900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE open_data_files (
      key text PRIMARY KEY, version text NOT NULL, content_type text NOT NULL, file_name text NOT NULL,
      size int NOT NULL, data bytea NOT NULL, updated_at timestamptz NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE open_data_files`);
  }
}
