import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { migrationsApplied, runMigrationsUnderLock } from './run-migrations';
import { createServiceDataSource } from './service-data-source';

class CreateParcels1700000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE parcels (id int PRIMARY KEY)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE parcels');
  }
}

class AddParcelWeight1700000000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE parcels ADD COLUMN weight int');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE parcels DROP COLUMN weight');
  }
}

describe('runMigrationsUnderLock (real Postgres)', () => {
  const iso = new TestIsolation();
  const schema = iso.schema('migrations');
  const sources: DataSource[] = [];
  const open = async (migrations: (new () => MigrationInterface)[]) => {
    const ds = createServiceDataSource({ url: TEST_DATABASE_URL, schema, entities: [], migrations, poolSize: 2 });
    sources.push(await ds.initialize());
    return ds;
  };

  afterAll(async () => {
    for (const ds of sources) await ds.destroy();
    await iso.cleanup();
  });

  it('migrates a new schema, finds nothing to do at the next boot, and applies a migration added since', async () => {
    const first = await open([CreateParcels1700000000001]);
    expect(await migrationsApplied(first, schema)).toBe(false);
    expect(await runMigrationsUnderLock(first, schema)).toEqual(['CreateParcels1700000000001']);
    expect(await migrationsApplied(first, schema)).toBe(true);
    expect(await runMigrationsUnderLock(first, schema)).toEqual([]);

    const next = await open([CreateParcels1700000000001, AddParcelWeight1700000000002]);
    expect(await migrationsApplied(next, schema)).toBe(false);
    expect(await runMigrationsUnderLock(next, schema)).toEqual(['AddParcelWeight1700000000002']);
    expect(await migrationsApplied(next, schema)).toBe(true);
    const [{ count }] = await next.query<{ count: string }[]>('SELECT count(*) FROM migrations');
    expect(Number(count)).toBe(2);
  });
});
