import { MigrationInterface, QueryRunner } from 'typeorm';

/** One private calendar feed per person: only a hash of its token is kept, so a database leak opens no feed. */
export class GatewayCalendarFeeds1764590000100 implements MigrationInterface {
  name = 'GatewayCalendarFeeds1764590000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_feeds (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
