import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails are claimed one at a time for a lease (claimed_until, claim_token) instead of being
 * locked inside a transaction that also holds the SMTP send: the "sent" mark is its own statement,
 * made only by the holder of the claim, so a database error after a send no longer undoes it.
 */
export class EmailClaim1764900000000 implements MigrationInterface {
  name = 'EmailClaim1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_queue ADD COLUMN claimed_until timestamptz, ADD COLUMN claim_token uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_queue DROP COLUMN claimed_until, DROP COLUMN claim_token`);
  }
}
