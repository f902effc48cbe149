import { createServiceDataSource, runMigrationsUnderLock } from '@ogp/persistence';
import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_MIGRATIONS } from '../src/notifications-migrations.constant';

/** A repository spec's own notifications schema, migrated; `drop()` removes it. */
export async function notificationsSchema(): Promise<{ db: DataSource; drop: () => Promise<void> }> {
  const iso = new TestIsolation();
  const db = createServiceDataSource({
    url: TEST_DATABASE_URL,
    schema: iso.schema('notifications'),
    entities: [],
    migrations: NOTIFICATIONS_MIGRATIONS,
  });
  await db.initialize();
  await runMigrationsUnderLock(db, iso.schema('notifications'));
  return {
    db,
    drop: async () => {
      await db.destroy();
      await iso.cleanup();
    },
  };
}
