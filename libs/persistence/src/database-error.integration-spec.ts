import { DomainError } from '@ogp/contracts';
import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';
import { domainErrorFromDatabase } from './database-error';

/** Real Postgres refusals, as the services meet them, and the domain error each becomes. */
describe('domainErrorFromDatabase (real Postgres)', () => {
  const iso = new TestIsolation();
  const schema = `"${iso.schema('dberrors')}"`;
  let pg: Client;

  beforeAll(async () => {
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    await pg.query(`CREATE SCHEMA ${schema}`);
    await pg.query(
      `CREATE TABLE ${schema}.parents (id int PRIMARY KEY, code varchar(5) NOT NULL UNIQUE, day date, at timestamptz, score int CHECK (score >= 0))`,
    );
    await pg.query(
      `CREATE TABLE ${schema}.children (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES ${schema}.parents(id))`,
    );
    await pg.query(`INSERT INTO ${schema}.parents (id, code) VALUES (1, 'A')`);
    await pg.query(`INSERT INTO ${schema}.children (id, parent_id) VALUES (1, 1)`);
  });

  afterAll(async () => {
    await pg?.end();
    await iso.cleanup();
  });

  async function refusal(sql: string, params: unknown[] = []): Promise<unknown> {
    return pg.query(sql, params).then(
      () => {
        throw new Error(`expected Postgres to refuse: ${sql}`);
      },
      (err: unknown) => err,
    );
  }

  it.each([
    {
      name: '23505 unique key',
      sql: `INSERT INTO {s}.parents (id, code) VALUES (2, 'A')`,
      params: [] as unknown[],
      code: 'ALREADY_EXISTS',
    },
    {
      name: '23503 a reference to nothing',
      sql: `INSERT INTO {s}.children (id, parent_id) VALUES (2, 99)`,
      params: [] as unknown[],
      code: 'NOT_FOUND',
    },
    {
      name: '23503 removing what is referenced',
      sql: `DELETE FROM {s}.parents WHERE id = 1`,
      params: [] as unknown[],
      code: 'CONFLICT',
    },
    {
      name: '23502 NOT NULL',
      sql: `INSERT INTO {s}.parents (id, code) VALUES (3, NULL)`,
      params: [] as unknown[],
      code: 'VALIDATION_FAILED',
    },
    {
      name: '23514 check',
      sql: `INSERT INTO {s}.parents (id, code, score) VALUES (4, 'B', -1)`,
      params: [] as unknown[],
      code: 'VALIDATION_FAILED',
    },
    { name: '22P02 not a number', sql: `SELECT $1::int`, params: ['abc'] as unknown[], code: 'VALIDATION_FAILED' },
    {
      name: '22P02 not a uuid',
      sql: `SELECT $1::uuid`,
      params: ['not-a-uuid'] as unknown[],
      code: 'VALIDATION_FAILED',
    },
    {
      name: '22008 a date that does not exist',
      sql: `SELECT $1::date`,
      params: ['2026-02-30'] as unknown[],
      code: 'VALIDATION_FAILED',
    },
    {
      name: '22007 not a date',
      sql: `SELECT $1::timestamptz`,
      params: ['2026-W01-1'] as unknown[],
      code: 'VALIDATION_FAILED',
    },
    {
      name: '22001 too long',
      sql: `INSERT INTO {s}.parents (id, code) VALUES (5, $1)`,
      params: ['toolong'] as unknown[],
      code: 'VALIDATION_FAILED',
    },
    {
      name: '22003 out of range',
      sql: `SELECT $1::int`,
      params: ['99999999999'] as unknown[],
      code: 'VALIDATION_FAILED',
    },
    { name: '22021 NUL byte', sql: `SELECT $1::text`, params: ['a\u0000b'] as unknown[], code: 'VALIDATION_FAILED' },
  ])('$name → $code', async ({ sql, params, code }) => {
    const err = await refusal(sql.replace('{s}', schema), params);
    const mapped = domainErrorFromDatabase(err);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped?.code).toBe(code);
    expect(JSON.stringify(mapped?.toBody())).not.toMatch(/INSERT|SELECT|parents|violates/);
  });

  it('leaves what a request cannot cause to the INTERNAL path', async () => {
    expect(domainErrorFromDatabase(await refusal(`SELECT * FROM ${schema}.no_such_table`))).toBeUndefined();
    expect(domainErrorFromDatabase(new Error('boom'))).toBeUndefined();
  });
});
