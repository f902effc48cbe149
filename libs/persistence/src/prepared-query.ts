import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A hot query as a named prepared statement: Postgres plans it once per connection instead of on
 * every call, which on a many-join read or a many-CTE write costs more than running it. On the
 * data source's own manager it runs on its pool (same connections, same search_path, same type
 * parsing); inside a transaction, on that transaction's connection (a failure comes back as
 * TypeORM's QueryFailedError, as from manager.query). Each `name` must always carry the same
 * text. PgBouncer in transaction mode keeps these (max_prepared_statements).
 *
 * Postgres keeps a generic plan only when, after five runs, it does not look dearer than planning
 * afresh: a statement whose row count hangs on a parameter (`= ANY($1::uuid[])`, an array of unknown
 * length) may be planned on every run; `pg_prepared_statements` (generic_plans, custom_plans) tells.
 *
 * Given only a manager: prepared inside its transaction, `manager.query` as usual outside one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as loosely typed as TypeORM's own query()
export async function preparedQuery<T = any>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as loosely typed as TypeORM's own query()
export async function preparedQuery<T = any>(
  dataSource: DataSource,
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]>;
export async function preparedQuery<T>(
  ...args: [EntityManager, string, string, unknown[]] | [DataSource, EntityManager, string, string, unknown[]]
): Promise<T[]> {
  const [dataSource, manager, name, text, values] = args.length === 5 ? args : [null, ...args];
  if (dataSource && manager === dataSource.manager) {
    const pool = (dataSource.driver as unknown as { master?: PgQueryable }).master;
    if (typeof pool?.query !== 'function') return manager.query(text, values);
    return (await pool.query({ name, text, values })).rows as T[];
  }
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive || runner.isReleased) return manager.query(text, values);
  const client = (await runner.connect()) as PgQueryable | undefined;
  if (typeof client?.query !== 'function') return manager.query(text, values);
  try {
    return (await client.query({ name, text, values })).rows as T[];
  } catch (err) {
    throw new QueryFailedError(text, values, err as Error);
  }
}
