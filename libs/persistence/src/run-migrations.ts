import { DataSource } from 'typeorm';
import { assertIdentifier } from './service-data-source';

/**
 * Creates the schema and runs pending migrations while holding a Postgres advisory lock, so
 * replicas booting together migrate once and the others wait, then find nothing to do.
 * Returns the names of the migrations this call applied.
 */
export async function runMigrationsUnderLock(dataSource: DataSource, schema: string): Promise<string[]> {
  assertIdentifier(schema);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockKey = `migrations:${schema}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await runner.release();
  }
}
