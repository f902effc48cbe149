import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { preparedQuery } from './prepared-query';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pg's own value conversion (no typings of its own)
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/** Where a transaction opened by transactionOpenedWith keeps what to send with its COMMIT. */
const CLOSING = Symbol('statements sent with the commit');
interface Closing {
  /** Statements left for the commit (queryWithCommit), in order. */
  statements: { name: string; text: string; values: unknown[]; prepared: boolean }[];
  /** Behind a transaction pooler: no SQL EXECUTE of a protocol-prepared statement (see markTransactionPooled). */
  pooled: boolean;
  /** A prepared statement run just before the COMMIT (readWithCommit); its rows are kept. */
  read: { name: string; values: unknown[]; answer: ReadWithCommit } | null;
}

/** What readWithCommit read: its rows, once the transaction committed when it went with the commit. */
export interface ReadWithCommit {
  rows: QueryResultRow[] | undefined;
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
  const closing: Closing = { statements: [], read: null, pooled: TRANSACTION_POOLED.has(dataSource) };
  try {
    let first: Row[] = [];
    let later: QueryResultRow[][] = [];
    (runner.data as Record<symbol, Closing>)[CLOSING] = closing;
    // Whatever this transaction sends on its connection (TypeORM's queries, prepared ones): statements
    // left for the commit (queryWithCommit) go with the COMMIT in one message, run first before any
    // other statement (the order holds), and are dropped by a ROLLBACK; a read left for the commit
    // (readWithCommit) runs in that message too, after them, just before the COMMIT. With nothing
    // left, every call goes to pg as it came (a stream or a callback gets what pg returns).
    client.query = ((...args: unknown[]) => {
      if (!closing.statements.length && !closing.read) return send.apply(client, args);
      const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      const awaited =
        !args.some((arg) => typeof arg === 'function') &&
        typeof (args[0] as { submit?: unknown })?.submit !== 'function';
      const statements = closing.statements.splice(0);
      if (sql === 'ROLLBACK') {
        closing.read = null;
        return send.apply(client, args);
      }
      if (sql === 'COMMIT' && awaited) {
        const read = closing.read;
        closing.read = null;
        // A statement the connection has prepared runs as such (its plan kept), the others as written.
        const texts = statements.map((st) =>
          st.prepared ? execute(client, st.name, st.values) : inlined(client, st.text, st.values),
        );
        if (read) texts.push(execute(client, read.name, read.values));
        const sent = send.call(client, `${texts.join(';\n')};\nCOMMIT`) as Promise<QueryResult[]>;
        return read
          ? sent.then((results) => {
              read.answer.rows = results[results.length - 2].rows;
              return results;
            })
          : sent;
      }
      if (!statements.length) return send.apply(client, args);
      // pg runs a connection's queries in the order they came; were one of them to fail, the transaction
      // is aborted: what follows fails, and so does the commit.
      const flushed = statements.map(
        (st) =>
          (st.prepared
            ? send.call(client, { name: st.name, text: st.text, values: st.values })
            : send.call(client, st.text, st.values)) as Promise<unknown>,
      );
      if (awaited) return Promise.all(flushed).then(() => send.apply(client, args));
      for (const f of flushed) f.catch(() => undefined);
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
 * A statement of a transaction's end, sent with its COMMIT in one round trip when the transaction
 * was opened by transactionOpenedWith: as `EXECUTE name(...)` once the connection has prepared `name`
 * (its plan is kept), its values written as literals, converted and escaped as pg would send them as
 * parameters; several go in the order given. The first time on a connection, it runs at once as the
 * prepared statement `name` (see preparedQuery), which prepares it there; behind a transaction pooler
 * (see markTransactionPooled) it goes with the COMMIT as written, its values inlined. In any other
 * transaction, or outside one, it runs at once. A statement sent after it in the same transaction runs
 * it first; a rollback drops it. Its failure comes back from the commit as a QueryFailedError, and the
 * transaction rolls back.
 */
export async function queryWithCommit(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<void> {
  const closing = closingOf(manager);
  const unprepared = closing && !closing.pooled && !preparedOn(connectionOf(manager), name, text);
  if (!closing || unprepared || values.some((v) => Buffer.isBuffer(v))) {
    await preparedQuery(manager, name, text, values);
    return;
  }
  closing.statements.push({ name, text, values, prepared: !closing.pooled });
}

/**
 * A read of what a transaction leaves, as the prepared statement `name`. In a transaction opened by
 * transactionOpenedWith whose connection has already prepared `name`, it goes in the COMMIT's message
 * (after the statements left for the commit, before the COMMIT: it sees every write of the
 * transaction) as `EXECUTE name(...)`, one round trip less than a read of its own; its rows are there
 * once the transaction committed, and a read that fails fails the commit (the transaction rolls back).
 * Otherwise it runs at once (see preparedQuery: in a transaction, on its connection, which thereby
 * prepares it for the next time), as does a read when another is already left for the commit, and
 * any read behind a transaction pooler (see markTransactionPooled).
 */
export async function readWithCommit(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<ReadWithCommit> {
  const closing = closingOf(manager);
  const prepared = preparedOn(connectionOf(manager), name, text);
  if (closing && !closing.pooled && !closing.read && prepared && !values.some((v) => Buffer.isBuffer(v))) {
    const answer: ReadWithCommit = { rows: undefined };
    closing.read = { name, values, answer };
    return answer;
  }
  return { rows: await preparedQuery(manager, name, text, values) };
}

/** Data sources whose connections go through a transaction pooler (see readWithCommit). */
const TRANSACTION_POOLED = new WeakSet<DataSource>();

/**
 * Tells readWithCommit that this data source reaches Postgres through a transaction pooler
 * (PgBouncer): a statement prepared over the protocol lives there under the pooler's own name, on
 * whichever server connection it chose, so an SQL `EXECUTE name(...)` would not find it. Reads then
 * run at once, as prepared statements (which the pooler carries).
 */
export function markTransactionPooled(dataSource: DataSource): void {
  TRANSACTION_POOLED.add(dataSource);
}

/** pg's own record of the statements a connection prepared (name -> text). */
interface PgConnectionHolder {
  connection?: { parsedStatements?: Record<string, string> };
}

function connectionOf(manager: EntityManager): PgConnectionHolder | undefined {
  return (manager.queryRunner as unknown as { databaseConnection?: PgConnectionHolder } | undefined)
    ?.databaseConnection;
}

/** Whether the connection prepared `name` with this text (over the protocol, see preparedQuery). */
function preparedOn(client: PgConnectionHolder | undefined, name: string, text: string): boolean {
  return client?.connection?.parsedStatements?.[name] === text;
}

/** `EXECUTE name(...)` of a statement the connection prepared, its values as literals. */
function execute(client: PoolClient, name: string, values: unknown[]): string {
  return `EXECUTE ${client.escapeIdentifier(name)}(${values.map((v) => literal(client, v)).join(', ')})`;
}

function closingOf(manager: EntityManager): Closing | undefined {
  const runner = manager.queryRunner;
  return runner?.isTransactionActive ? (runner.data as Record<symbol, Closing>)[CLOSING] : undefined;
}

/** `text` with its $n parameters written as literals (the simple query protocol takes no parameters). */
function inlined(client: PoolClient, text: string, values: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_match, n: string) => literal(client, values[Number(n) - 1]));
}

/** A value as a literal, converted as pg converts a parameter, then escaped. */
function literal(client: PoolClient, value: unknown): string {
  const prepared = prepareValue(value);
  return prepared === null || prepared === undefined ? 'NULL' : client.escapeLiteral(String(prepared));
}
