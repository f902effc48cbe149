import { runIdempotent } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';

export interface CreateCommand {
  /** The subject of the command: with the actor and the key, what a retry is recognised by. */
  command: string;
  actorId: string;
  idempotencyKey: string | null;
}

/**
 * Runs a create inside the caller's transaction when given one (a plan import, whose own key
 * covers it), else in its own transaction, where a retry with the same key answers the first
 * result and creates nothing (design rule 2).
 */
export function runCreate<T>(
  dataSource: DataSource,
  manager: EntityManager | undefined,
  create: CreateCommand,
  run: (m: EntityManager) => Promise<T>,
): Promise<T> {
  if (manager) return run(manager);
  const key = create.idempotencyKey && `${create.actorId}:${create.idempotencyKey}`;
  return dataSource.transaction((m) => runIdempotent(m, key, create.command, () => run(m)));
}
