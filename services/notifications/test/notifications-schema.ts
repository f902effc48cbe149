import { createServiceDataSource, runMigrationsUnderLock } from '@ogp/persistence';
import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_MIGRATIONS } from '../src/notifications-migrations.constant';

/**
 * A repository spec's own notifications schema, migrated before its tests and dropped after:
 * `const schema = useNotificationsSchema();` then `schema.db` in the tests.
 */
export function useNotificationsSchema(): { readonly db: DataSource } {
  const iso = new TestIsolation();
  const state: { db?: DataSource } = {};
  beforeAll(async () => {
    const db = createServiceDataSource({
      url: TEST_DATABASE_URL,
      schema: iso.schema('notifications'),
      entities: [],
      migrations: NOTIFICATIONS_MIGRATIONS,
    });
    await db.initialize();
    await runMigrationsUnderLock(db, iso.schema('notifications'));
    state.db = db;
  });
  afterAll(async () => {
    await state.db?.destroy();
    await iso.cleanup();
  });
  return {
    get db(): DataSource {
      if (!state.db) throw new Error('the schema is ready in the tests, not while they are declared');
      return state.db;
    },
  };
}
