import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { PersistenceModule } from './persistence.module';

class CreateThings1700000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE things (id int PRIMARY KEY)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE things');
  }
}

/**
 * Behind a transaction pooler (PgBouncer), the services' own connections cannot hold the
 * session-level advisory lock migrations take: DATABASE_MIGRATION_URL gives migrations a direct
 * connection. Here the application's role may not create anything, the migration role may.
 */
describe('PersistenceModule with a migration URL (real Postgres)', () => {
  const iso = new TestIsolation();
  const role = `app_${iso.schema('role')}`.slice(0, 60);
  let admin: Client;

  const appUrl = () => {
    const url = new URL(TEST_DATABASE_URL);
    url.username = role;
    return url.toString();
  };
  const factory = (options: Parameters<typeof PersistenceModule.forRoot>[0]) =>
    (PersistenceModule.forRoot(options).providers![0] as { useFactory: () => Promise<DataSource> }).useFactory();

  beforeAll(async () => {
    admin = new Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE "${role}" LOGIN`);
    await admin.query(`REVOKE CREATE ON DATABASE "${new URL(TEST_DATABASE_URL).pathname.slice(1)}" FROM "${role}"`);
  });

  afterAll(async () => {
    for (const schema of [iso.schema('direct'), iso.schema('pooled')])
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
    await iso.cleanup();
  });

  it('runs the migrations over the migration URL, then serves over the application URL', async () => {
    const schema = iso.schema('direct');
    const dataSource = await factory({
      url: appUrl(),
      migrationUrl: TEST_DATABASE_URL,
      schema,
      entities: [],
      migrations: [CreateThings1700000000001],
    });
    try {
      const [{ current_user }] = await dataSource.query('SELECT current_user');
      expect(current_user).toBe(role);
      const { rows } = await admin.query(`SELECT name FROM "${schema}".migrations`);
      expect(rows.map((r) => r.name)).toEqual(['CreateThings1700000000001']);
      const { rows: tables } = await admin.query(
        `SELECT tableowner FROM pg_tables WHERE schemaname = $1 AND tablename = 'things'`,
        [schema],
      );
      expect(tables).toEqual([{ tableowner: new URL(TEST_DATABASE_URL).username || 'postgres' }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('without it, the same application role cannot migrate (what the migration URL is for)', async () => {
    const schema = iso.schema('pooled');
    await expect(
      factory({ url: appUrl(), schema, entities: [], migrations: [CreateThings1700000000001] }),
    ).rejects.toThrow(/permission denied/);
  });
});
