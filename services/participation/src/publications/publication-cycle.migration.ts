import { MigrationInterface, QueryRunner } from 'typeorm';

/** A publication may belong to a co-creation cycle, so that the cycle's followers hear of it. */
export class PublicationCycle1764580000620 implements MigrationInterface {
  name = 'PublicationCycle1764580000620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publications ADD COLUMN cycle_id uuid REFERENCES cycles(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publications DROP COLUMN cycle_id`);
  }
}
