import { createServiceDataSource } from '@ogp/persistence';
import { freePort, SpawnedService, TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';

/** The notifications service started as a process for a suite, ready, with a connection to its schema. */
export async function spawnNotifications(
  iso: TestIsolation,
  env: Record<string, string>,
): Promise<{ service: SpawnedService; db: DataSource; stop: () => Promise<void> }> {
  const service = new SpawnedService(
    'notifications',
    iso.env('notifications', { HTTP_PORT: String(await freePort()), ...env }),
  ).start();
  await service.ready();
  const db = createServiceDataSource({
    url: TEST_DATABASE_URL,
    schema: iso.schema('notifications'),
    entities: [],
    migrations: [],
  });
  await db.initialize();
  return {
    service,
    db,
    stop: async () => {
      await service.stop();
      await db.destroy();
    },
  };
}
