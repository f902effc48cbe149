import { EntityManager } from 'typeorm';

/**
 * Runs a command once per idempotency key: the first call stores its answer in the same
 * transaction as its change; a repeat (a retry after a lost reply) gets the stored answer.
 * A concurrent repeat waits on the key's row until the first commits.
 */
export async function runIdempotent<T>(
  manager: EntityManager,
  key: string | null,
  command: string,
  run: () => Promise<T>,
): Promise<T> {
  if (!key) return run();
  const claimed = await manager.query<{ key: string }[]>(
    `INSERT INTO command_log (key, command) VALUES ($1, $2) ON CONFLICT (key, command) DO NOTHING RETURNING key`,
    [key, command],
  );
  if (claimed.length === 0) {
    const [row] = await manager.query<{ response: T }[]>(
      `SELECT response FROM command_log WHERE key = $1 AND command = $2`,
      [key, command],
    );
    return row.response;
  }
  const response = await run();
  await manager.query(`UPDATE command_log SET response = $3 WHERE key = $1 AND command = $2`, [
    key,
    command,
    JSON.stringify(response ?? null),
  ]);
  return response;
}
