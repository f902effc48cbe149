import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryFailedError, QueryRunner } from 'typeorm';
import { PersistenceModule } from './persistence.module';
import { preparedQuery } from './prepared-query';
import { queryWithCommit, readWithCommit, transactionOpenedWith } from './transaction-opened-with';

class CreateNotes1700000000003 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
    await q.query('CREATE TABLE tagged (id int PRIMARY KEY, tags text[] NOT NULL, doc jsonb, amount numeric)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tagged');
    await q.query('DROP TABLE notes');
  }
}

describe('transactionOpenedWith (real Postgres)', () => {
  const iso = new TestIsolation();
  let dataSource: DataSource;
  /** What reaches the driver: every text sent on a connection during `run`. */
  async function sent<T>(run: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const result = await run();
      const texts = spy.mock.calls.map(([q]) => (typeof q === 'string' ? q : (q as { text: string }).text));
      return { result, texts };
    } finally {
      spy.mockRestore();
    }
  }
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

  describe('queryWithCommit', () => {
    const tagged = async () =>
      dataSource.query<{ id: number; tags: string[]; doc: unknown; amount: string | null }[]>(
        'SELECT id, tags, doc, amount FROM tagged ORDER BY id',
      );
    const INSERT = 'INSERT INTO tagged (id, tags, doc, amount) VALUES ($1, $2, $3, $4::numeric)';

    it('runs at once the first time on a connection (preparing it), then goes with the COMMIT as EXECUTE, its values written as pg would send them', async () => {
      const awkward = [`it's`, 'a "b" \\ c', '{x,y}', 'عربي'];
      const doc = { quote: "l'été", list: [1, null] };
      const { texts } = await sent(() =>
        transactionOpenedWith(
          dataSource,
          () => 'SELECT 1',
          async (m) => {
            await queryWithCommit(m, 'tagged_insert', INSERT, [1, ['first'], null, null]);
            await queryWithCommit(m, 'tagged_insert', INSERT, [11, awkward, JSON.stringify(doc), 2.5]);
          },
        ),
      );
      expect(texts.filter((t) => t === INSERT)).toHaveLength(1);
      expect(texts.filter((t) => /COMMIT/.test(t))).toEqual([
        expect.stringMatching(/^EXECUTE "tagged_insert"\('11', .*, '2\.5'\);\nCOMMIT$/s),
      ]);
      expect(await tagged()).toEqual([
        { id: 1, tags: ['first'], doc: null, amount: null },
        { id: 11, tags: awkward, doc, amount: '2.5' },
      ]);
    });

    it('runs it first when the transaction sends anything else before its commit (a later read sees it)', async () => {
      const seen = await transactionOpenedWith(
        dataSource,
        () => 'SELECT 1',
        async (m) => {
          await queryWithCommit(m, 'tagged_insert', INSERT, [2, ['a'], null, null]);
          const plain = await m.query<{ n: number }[]>('SELECT count(*)::int AS n FROM tagged WHERE id = 2');
          await queryWithCommit(m, 'tagged_insert', INSERT, [3, ['b'], null, null]);
          const prepared = await preparedQuery<{ n: number }>(
            m,
            'tagged_count',
            'SELECT count(*)::int AS n FROM tagged WHERE id = $1',
            [3],
          );
          return [plain[0].n, prepared[0].n];
        },
      );
      expect(seen).toEqual([1, 1]);
      expect((await tagged()).map((r) => r.id)).toEqual([1, 2, 3, 11]);
    });

    it('runs a prepared one first as its prepared statement (its plan kept) when anything else is sent before the commit', async () => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        const seen = await transactionOpenedWith(
          dataSource,
          () => 'SELECT 1',
          async (m) => {
            await preparedQuery(m, 'tagged_insert', INSERT, [20, ['prepares it here'], null, null]);
            await queryWithCommit(m, 'tagged_insert', INSERT, [21, ['g'], null, null]);
            return m.query<{ n: number }[]>('SELECT count(*)::int AS n FROM tagged WHERE id = 21');
          },
        );
        expect(seen).toEqual([{ n: 1 }]);
        const flushed = spy.mock.calls.filter(([q]) => (q as { values?: unknown[] })?.values?.[0] === 21);
        expect(flushed).toEqual([[{ name: 'tagged_insert', text: INSERT, values: [21, ['g'], null, null] }]]);
      } finally {
        spy.mockRestore();
        await dataSource.query('DELETE FROM tagged WHERE id IN (20, 21)');
      }
    });

    it('runs it first before a query given a callback too (pg answers that one as it would: no promise)', async () => {
      const seen = await transactionOpenedWith(
        dataSource,
        () => 'SELECT 1',
        async (m) => {
          await queryWithCommit(m, 'tagged_insert', INSERT, [10, ['f'], null, null]);
          const client = (m.queryRunner as unknown as { databaseConnection: Client }).databaseConnection;
          return new Promise<{ returned: unknown; n: number }>((resolve, reject) => {
            const returned: unknown = client.query('SELECT count(*)::int AS n FROM tagged WHERE id = 10', (err, res) =>
              err ? reject(err) : resolve({ returned, n: res.rows[0].n }),
            );
          });
        },
      );
      expect(seen).toEqual({ returned: undefined, n: 1 });
    });

    it('drops it when the work throws: nothing of the transaction stays', async () => {
      await expect(
        transactionOpenedWith(
          dataSource,
          () => `INSERT INTO tagged (id, tags) VALUES (4, '{}')`,
          async (m) => {
            await preparedQuery(m, 'tagged_insert', INSERT, [50, ['prepares it here'], null, null]);
            await queryWithCommit(m, 'tagged_insert', INSERT, [5, ['c'], null, null]);
            throw new Error('undo');
          },
        ),
      ).rejects.toThrow('undo');
      expect((await tagged()).map((r) => r.id)).toEqual([1, 2, 3, 10, 11]);
    });

    it('fails the commit when it fails: QueryFailedError, the whole transaction rolled back, the connection usable', async () => {
      const failure = transactionOpenedWith(
        dataSource,
        () => `INSERT INTO tagged (id, tags) VALUES (6, '{}')`,
        async (m) => {
          await preparedQuery(m, 'tagged_insert', INSERT, [51, ['prepares it here'], null, null]);
          await queryWithCommit(m, 'tagged_insert', INSERT, [1, ['duplicate'], null, null]);
        },
      );
      await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
      await expect(failure).rejects.toMatchObject({ driverError: { code: '23505' } });
      expect((await tagged()).map((r) => r.id)).toEqual([1, 2, 3, 10, 11]);
      // The connection went back to the pool with its own query again: a plain transaction on it works.
      await dataSource.transaction((m) => m.query(`INSERT INTO tagged (id, tags) VALUES (7, '{}')`));
      expect((await tagged()).map((r) => r.id)).toEqual([1, 2, 3, 7, 10, 11]);
    });

    it('runs at once in any other transaction, and outside one', async () => {
      await dataSource.transaction(async (m) => {
        await queryWithCommit(m, 'tagged_insert', INSERT, [8, ['d'], null, null]);
        expect(await m.query('SELECT id FROM tagged WHERE id = 8')).toEqual([{ id: 8 }]);
      });
      await queryWithCommit(dataSource.manager, 'tagged_insert', INSERT, [9, ['e'], null, null]);
      expect((await tagged()).map((r) => r.id)).toEqual([1, 2, 3, 7, 8, 9, 10, 11]);
    });
  });

  describe('readWithCommit', () => {
    const INSERT = 'INSERT INTO notes (id, body) VALUES ($1, $2)';
    const READ = 'SELECT id, body, $2::text[] AS tags FROM notes WHERE id >= $1 ORDER BY id';

    it('goes in the COMMIT message after the statements left for it, once the connection prepared it; it sees them', async () => {
      const { result, texts } = await sent(() =>
        transactionOpenedWith(
          dataSource,
          () => 'SELECT 1',
          async (m) => {
            await preparedQuery(m, 'notes_from', READ, [100, ['x']]); // prepares it on this connection
            await queryWithCommit(m, 'notes_insert', INSERT, [100, `l'été`]); // the first: at once, prepares it
            await queryWithCommit(m, 'notes_insert', INSERT, [101, 'عربي']);
            return readWithCommit(m, 'notes_from', READ, [100, ['a', 'b c']]);
          },
        ),
      );
      expect(texts.filter((t) => /COMMIT/.test(t))).toEqual([
        expect.stringMatching(
          /^EXECUTE "notes_insert"\('101', 'عربي'\);\nEXECUTE "notes_from"\('100', '\{"a","b c"\}'\);\nCOMMIT$/s,
        ),
      ]);
      expect(result.rows).toEqual([
        { id: 100, body: `l'été`, tags: ['a', 'b c'] },
        { id: 101, body: 'عربي', tags: ['a', 'b c'] },
      ]);
    });

    it('runs at once, in the transaction, where the connection has not prepared it, and in any other transaction', async () => {
      const name = `notes_from_${Date.now()}`;
      const { result, texts } = await sent(() =>
        transactionOpenedWith(
          dataSource,
          () => 'SELECT 1',
          async (m) => {
            await queryWithCommit(m, 'notes_insert', INSERT, [102, 'c']);
            return readWithCommit(m, name, READ, [102, []]);
          },
        ),
      );
      expect(result.rows).toEqual([{ id: 102, body: 'c', tags: [] }]);
      expect(texts.filter((t) => /EXECUTE/.test(t))).toEqual([]);
      expect(texts.at(-1)).toBe('COMMIT');
      const plain = await dataSource.transaction(async (m) => {
        await m.query(INSERT, [103, 'd']);
        return readWithCommit(m, name, READ, [103, []]);
      });
      expect(plain.rows).toEqual([{ id: 103, body: 'd', tags: [] }]);
    });

    it('behind a transaction pooler (a separate migration URL) it runs at once: the pooler renames prepared statements', async () => {
      const pooled = await (
        PersistenceModule.forRoot({
          url: TEST_DATABASE_URL,
          migrationUrl: TEST_DATABASE_URL,
          schema: iso.schema('opened'),
          entities: [],
          migrations: [CreateNotes1700000000003],
        }).providers![0] as { useFactory: () => Promise<DataSource> }
      ).useFactory();
      try {
        const { result, texts } = await sent(() =>
          transactionOpenedWith(
            pooled,
            () => 'SELECT 1',
            async (m) => {
              await preparedQuery(m, 'notes_from', READ, [105, []]);
              await queryWithCommit(m, 'notes_insert', INSERT, [105, 'f']);
              return readWithCommit(m, 'notes_from', READ, [105, ['g']]);
            },
          ),
        );
        expect(result.rows).toEqual([{ id: 105, body: 'f', tags: ['g'] }]);
        expect(texts.filter((t) => /EXECUTE/.test(t))).toEqual([]);
      } finally {
        await pooled.destroy();
      }
    });

    it('fails the commit when it fails: QueryFailedError, nothing of the transaction kept', async () => {
      const failing = 'SELECT 1 / $1::int AS n';
      const failure = transactionOpenedWith(
        dataSource,
        () => 'SELECT 1',
        async (m) => {
          await preparedQuery(m, 'notes_divide', failing, [1]);
          await queryWithCommit(m, 'notes_insert', INSERT, [104, 'e']);
          return readWithCommit(m, 'notes_divide', failing, [0]);
        },
      );
      await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
      await expect(failure).rejects.toMatchObject({ driverError: { code: '22012' } });
      expect(await dataSource.query('SELECT id FROM notes WHERE id = 104')).toEqual([]);
    });
  });
});
