import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { DataSource, MigrationInterface, QueryFailedError, QueryRunner } from 'typeorm';
import { PersistenceModule } from './persistence.module';
import { transactionOpenedWith } from './transaction-opened-with';

class CreateNotes1700000000003 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notes');
  }
}

describe('transactionOpenedWith (real Postgres)', () => {
  const iso = new TestIsolation();
  let dataSource: DataSource;
  const bodies = async () =>
    (await dataSource.query<{ body: string }[]>('SELECT body FROM notes ORDER BY id')).map((r) => r.body);

  beforeAll(async () => {
    dataSource = await (
      PersistenceModule.forRoot({
        url: TEST_DATABASE_URL,
        schema: iso.schema('opened'),
        entities: [],
        migrations: [CreateNotes1700000000003],
      }).providers![0] as { useFactory: () => Promise<DataSource> }
    ).useFactory();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await iso.cleanup();
  });

  it('runs the first statement with START TRANSACTION (literals escaped), hands its rows to the work, commits both', async () => {
    const body = `it's "quoted"; DROP TABLE notes; --`;
    const answer = await transactionOpenedWith<{ id: number; body: string }, string>(
      dataSource,
      (literal) => `INSERT INTO notes (id, body) VALUES (1, ${literal(body)}) RETURNING id, body`,
      async (m, first) => {
        expect(first).toEqual([{ id: 1, body }]);
        expect(m.queryRunner?.isTransactionActive).toBe(true);
        await m.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [2, 'second']);
        return 'done';
      },
    );
    expect(answer).toBe('done');
    expect(await bodies()).toEqual([body, 'second']);
  });

  it('hands the rows of the statements after the first to the work, in order', async () => {
    const later = await transactionOpenedWith(
      dataSource,
      () => `SELECT 1 AS one; SELECT id FROM notes ORDER BY id; SELECT 'x' AS x WHERE false`,
      async (_m, first, rest) => {
        expect(first).toEqual([{ one: 1 }]);
        return rest;
      },
    );
    expect(later).toEqual([[{ id: 1 }, { id: 2 }], []]);
  });

  it('rolls back the first statement with the work when the work throws', async () => {
    await expect(
      transactionOpenedWith(
        dataSource,
        () => `INSERT INTO notes (id, body) VALUES (3, 'third')`,
        async (m) => {
          await m.query(`INSERT INTO notes (id, body) VALUES (4, 'fourth')`);
          throw new Error('undo');
        },
      ),
    ).rejects.toThrow('undo');
    expect(await bodies()).toEqual([`it's "quoted"; DROP TABLE notes; --`, 'second']);
  });

  it("refuses a failing first statement as TypeORM's QueryFailedError and leaves its connection usable", async () => {
    const work = jest.fn();
    const failure = transactionOpenedWith(dataSource, () => `INSERT INTO notes (id, body) VALUES (1, 'again')`, work);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(work).not.toHaveBeenCalled();
    expect(await bodies()).toHaveLength(2); // on the connection it gave back (the pool hands out the last idle one first)
  });
});
