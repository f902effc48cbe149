import { Client } from 'pg';

/** Rows of every table in these schemas ("schema.table" → count): what a refused request must leave as it was. */
export async function rowCounts(pg: Client, schemas: string[], exclude?: RegExp): Promise<Record<string, number>> {
  const { rows: tables } = await pg.query<{ name: string; schema: string; table: string }>(
    `SELECT table_schema || '.' || table_name AS name, table_schema AS schema, table_name AS table
       FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1) ORDER BY 1`,
    [schemas],
  );
  const counted = tables.filter((t) => !exclude?.test(t.name));
  if (!counted.length) return {};
  const sql = counted
    .map((t) => `SELECT '${t.name}' AS name, count(*)::int AS n FROM "${t.schema}"."${t.table}"`)
    .join(' UNION ALL ');
  const { rows } = await pg.query<{ name: string; n: number }>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/** rowCounts once event consumers have caught up: two readings `intervalMs` apart agree. */
export async function settledRowCounts(
  pg: Client,
  schemas: string[],
  exclude?: RegExp,
  intervalMs = 250,
): Promise<Record<string, number>> {
  let last = await rowCounts(pg, schemas, exclude);
  for (let attempt = 0; attempt < 40; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const next = await rowCounts(pg, schemas, exclude);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}
