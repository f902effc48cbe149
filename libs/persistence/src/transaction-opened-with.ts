import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { preparedQuery } from './prepared-query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pg's own value conversion (no typings of its own)
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/** Where a transaction opened by transactionOpenedWith keeps the statement to send with its COMMIT. */
const CLOSING = Symbol('statement sent with the commit');
interface Closing {
  statement: { text: string; values: unknown[] } | null;
}

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
  const client = (await runner.connect()) as PoolClient;
  const original = client.query;
  const ownQuery = Object.prototype.hasOwnProperty.call(client, 'query');
  const send = original as unknown as (...args: unknown[]) => Promise<unknown>;
  const closing: Closing = { statement: null };
  try {
    let first: Row[] = [];
    let later: QueryResultRow[][] = [];
    (runner.data as Record<symbol, Closing>)[CLOSING] = closing;
    // Whatever this transaction sends on its connection (TypeORM's queries, prepared ones): a statement
    // left for the commit (queryWithCommit) goes with the COMMIT in one message, runs first before any
    // other statement (the order holds), and is dropped by a ROLLBACK. With nothing left, every call
    // goes to pg as it came (a stream or a callback gets what pg returns).
    client.query = ((...args: unknown[]) => {
      const last = closing.statement;
      if (!last) return send.apply(client, args);
      closing.statement = null;
      const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      const awaited =
        !args.some((arg) => typeof arg === 'function') &&
        typeof (args[0] as { submit?: unknown })?.submit !== 'function';
      if (sql === 'ROLLBACK') return send.apply(client, args);
      if (sql === 'COMMIT' && awaited) return send.call(client, `${inlined(client, last.text, last.values)};\nCOMMIT`);
      const flushed = send.call(client, last.text, last.values);
      if (awaited) return flushed.then(() => send.apply(client, args));
      // pg runs a connection's queries in the order they came; were this one to fail, the transaction
      // is aborted: what follows fails, and so does the commit.
      flushed.catch(() => undefined);
      return send.apply(client, args);
    }) as PoolClient['query'];
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
    delete (runner.data as Record<symbol, Closing>)[CLOSING];
    // The connection goes back to the pool as it came.
    if (ownQuery) client.query = original;
    else delete (client as Partial<PoolClient>).query;
    await runner.release();
  }
}

/**
 * A transaction's last statement, sent with its COMMIT in one round trip when the transaction was
 * opened by transactionOpenedWith (its values become literals, converted and escaped as pg would
 * send them as parameters); in any other transaction, or outside one, it runs at once, as the
 * prepared statement `name` (see preparedQuery). A statement sent after it in the same transaction
 * runs it first; a rollback drops it. Its failure comes back from the commit as a QueryFailedError,
 * and the transaction rolls back.
 */
export async function queryWithCommit(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<void> {
  const runner = manager.queryRunner;
  const closing = runner?.isTransactionActive ? (runner.data as Record<symbol, Closing>)[CLOSING] : undefined;
  if (!closing || closing.statement || values.some((v) => Buffer.isBuffer(v))) {
    await preparedQuery(manager, name, text, values);
    return;
  }
  closing.statement = { text, values };
}

/** `text` with its $n parameters written as literals (the simple query protocol takes no parameters). */
function inlined(client: PoolClient, text: string, values: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_match, n: string) => {
    const value = prepareValue(values[Number(n) - 1]);
    return value === null || value === undefined ? 'NULL' : client.escapeLiteral(String(value));
  });
}
