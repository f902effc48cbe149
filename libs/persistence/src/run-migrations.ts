import { DataSource } from 'typeorm';
import { assertIdentifier } from './service-data-source';

/**
 * Creates the schema and runs pending migrations while holding a Postgres advisory lock, so
 * replicas booting together migrate once and the others wait, then find nothing to do.
 * Returns the names of the migrations this call applied.
 */
export async function runMigrationsUnderLock(dataSource: DataSource, schema: string): Promise<string[]> {
  assertIdentifier(schema);
  // A restart, or a replica joining: one query, instead of the lock, a connection of its own and
  // TypeORM's four catalogue queries.
  if (await migrationsApplied(dataSource, schema)) return [];
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

/**
 * True when the schema's migrations table records every migration this build carries (names as
 * TypeORM gives them). False on a new schema, a pending migration, or any doubt: the locked path
 * then decides, as before.
 */
export async function migrationsApplied(dataSource: DataSource, schema: string): Promise<boolean> {
  const names = new Set(dataSource.migrations.map((m) => m.name ?? m.constructor.name));
  if (names.size === 0) return false;
  try {
    const [row] = await dataSource.query<{ applied: number }[]>(
      `SELECT count(DISTINCT name)::int AS applied FROM "${assertIdentifier(schema)}".migrations WHERE name = ANY($1)`,
      [[...names]],
    );
    return row?.applied === names.size;
  } catch {
    return false; // no schema or no migrations table yet
  }
}
