import { MigrationInterface, QueryRunner } from 'typeorm';

/** The institution a draft commitment concerns, by id, so that only its project managers answer its comments. */
export class ConsultationAccess1732100000610 implements MigrationInterface {
  name = 'ConsultationAccess1732100000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE draft_commitments ADD COLUMN institution_id uuid`);
    await q.query(
      `CREATE INDEX participation_history_entity_idx ON participation_history (entity_type, entity_id, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX participation_history_entity_idx`);
    await q.query(`ALTER TABLE draft_commitments DROP COLUMN institution_id`);
  }
}
