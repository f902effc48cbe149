import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';

/**
 * A transaction whose first statement travels with its START TRANSACTION, in one round trip (the
 * simple query protocol takes several statements, but no bind parameters: `statement` receives an
 * escaper for its literals). It may be several statements separated by semicolons: the work gets the
 * first one's rows and the others' in order (each statement takes its own snapshot, so one after a
 * lock sees what the lock waited for). Everything else is TypeORM's transaction as usual (events, commit
 * subscribers, rollback on error), run on a query runner of our own.
 */
export async function transactionOpenedWith<Row extends QueryResultRow, T>(
  dataSource: DataSource,
  statement: (literal: (value: string) => string) => string,
  work: (manager: EntityManager, first: Row[], later: QueryResultRow[][]) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    let first: Row[] = [];
    let later: QueryResultRow[][] = [];
    const query = runner.query.bind(runner) as QueryRunner['query'];
    // startTransaction sends "START TRANSACTION" through runner.query: that one call carries the statement too.
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      if (sql !== 'START TRANSACTION') return query(sql, parameters, structured as true);
      runner.query = query;
      const text = `START TRANSACTION; ${statement((value) => client.escapeLiteral(value))}`;
      try {
        const results = (await client.query(text)) as unknown as QueryResult<Row>[];
        first = results[1].rows;
        later = results.slice(2).map((result) => result.rows);
      } catch (error) {
        throw new QueryFailedError(text, [], error as Error);
      }
    }) as QueryRunner['query'];
    return await runner.manager.transaction((m) => work(m, first, later));
  } finally {
    await runner.release();
  }
}
