import { EntityManager } from 'typeorm';

/** Whether a query finds anything: the existence and uniqueness checks of the repositories. */
export async function hasRow(m: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  const rows = await m.query<unknown[]>(sql, params);
  return rows.length > 0;
}
