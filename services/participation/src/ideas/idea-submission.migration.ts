import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idea submission in one statement, committed on its own (IdeasRepository.submit):
 *
 * - `idea_submissions_in_hour` takes the author's lock, then counts their ideas of the hour up to
 *   the limit. A volatile PL/pgSQL function runs each of its queries on a fresh snapshot, so the
 *   count, made once the lock is granted, sees every submission of that author committed before:
 *   two at once cannot both pass the limit. The lock is the transaction's, held to its commit.
 * - The ideas' trigram index is a GiST index instead of GIN: one descent per idea instead of one per
 *   trigram. Measured on this machine: the submission statement (pgbench, 8 clients) 4,670-4,885
 *   a second with GIN (its pending list merged in 256 kB batches), 6,265 with GiST, 7,913 with no
 *   index; and the similar-idea search over 20,000 ideas of 20 to 70 words each (drawn from the
 *   seed documents' vocabulary), 335, 792 and 442 ms with GIN (the common trigrams send thousands
 *   of rows to the recheck), 39, 21 and 28 ms with GiST.
 */
export class IdeaSubmission1764800000630 implements MigrationInterface {
  name = 'IdeaSubmission1764800000630';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ideas_search_idx`);
    await q.query(`CREATE INDEX ideas_search_idx ON ideas USING gist (search_text public.gist_trgm_ops)`);
    await q.query(`CREATE FUNCTION idea_submissions_in_hour(author uuid, since timestamptz, cap int) RETURNS int
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE counted int;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('ideas:' || author::text));
        SELECT count(*)::int INTO counted
          FROM (SELECT 1 FROM ideas WHERE author_id = author AND created_at > since LIMIT cap) recent;
        RETURN counted;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION idea_submissions_in_hour(uuid, timestamptz, int)`);
    await q.query(`DROP INDEX ideas_search_idx`);
    await q.query(
      `CREATE INDEX ideas_search_idx ON ideas USING gin (search_text public.gin_trgm_ops) WITH (fastupdate = off)`,
    );
  }
}
