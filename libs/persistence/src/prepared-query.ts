import { DataSource, EntityManager } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A hot read as a named prepared statement on the data source's own pool (same connections, same
 * search_path, same type parsing): Postgres plans it once per connection instead of on every
 * call, which on a many-join read costs more than running it. Inside a transaction (`manager`
 * other than the data source's own) it runs there, as an ordinary query. Each `name` must always
 * carry the same text. PgBouncer in transaction mode keeps these (max_prepared_statements).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as loosely typed as TypeORM's own query()
export async function preparedQuery<T = any>(
  dataSource: DataSource,
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (manager !== dataSource.manager || typeof pool?.query !== 'function') return manager.query(text, values);
  return (await pool.query({ name, text, values })).rows as T[];
}
