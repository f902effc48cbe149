import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the HTML form of an e-mail needs: the reader's language, and whether it is an account e-mail (no unsubscribe). */
export class EmailHtml1764600000000 implements MigrationInterface {
  name = 'EmailHtml1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE email_queue ADD COLUMN language text, ADD COLUMN transactional boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_queue DROP COLUMN language, DROP COLUMN transactional`);
  }
}
