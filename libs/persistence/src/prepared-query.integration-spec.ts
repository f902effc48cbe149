import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { DataSource, MigrationInterface, QueryFailedError, QueryRunner } from 'typeorm';
import { PersistenceModule } from './persistence.module';
import { preparedQuery } from './prepared-query';

class CreateThings1700000000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE things (id int PRIMARY KEY)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE things');
  }
}

describe('preparedQuery (real Postgres)', () => {
  const iso = new TestIsolation();
  let dataSource: DataSource;
  const insert = (m = dataSource.manager, id: number) =>
    preparedQuery<{ id: number }>(dataSource, m, 'things_insert', 'INSERT INTO things (id) VALUES ($1) RETURNING id', [
      id,
    ]);
  const count = async () =>
    (
      await preparedQuery<{ n: number }>(
        dataSource,
        dataSource.manager,
        'things_count',
        'SELECT count(*)::int AS n FROM things',
        [],
      )
    )[0].n;

  beforeAll(async () => {
    dataSource = await (
      PersistenceModule.forRoot({
        url: TEST_DATABASE_URL,
        schema: iso.schema('prepared'),
        entities: [],
        migrations: [CreateThings1700000000002],
      }).providers![0] as { useFactory: () => Promise<DataSource> }
    ).useFactory();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await iso.cleanup();
  });

  it('runs on the pool, and inside a transaction on its connection: rolled back with it, kept with its commit', async () => {
    expect(await insert(undefined, 1)).toEqual([{ id: 1 }]);
    await expect(
      dataSource.transaction(async (m) => {
        expect(await insert(m, 2)).toEqual([{ id: 2 }]);
        expect(await insert(m, 3)).toEqual([{ id: 3 }]);
        expect((await m.query<{ n: number }[]>('SELECT count(*)::int AS n FROM things'))[0].n).toBe(3);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await count()).toBe(1);
    await dataSource.transaction((m) => insert(m, 2));
    expect(await count()).toBe(2);
  });

  it('fails inside a transaction as manager.query does: a QueryFailedError with the SQLSTATE', async () => {
    const failure = await dataSource.transaction((m) => insert(m, 1)).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure).toMatchObject({ code: '23505' });
  });
});
