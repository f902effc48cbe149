import { EntityManager } from 'typeorm';

/** Accountability: who changed what, when, from what to what. Written with the change. */
export async function recordChange(
  manager: EntityManager,
  entry: {
    entityType: string;
    entityId: string;
    action: string;
    actorId: string | null;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO change_history (entity_type, entity_id, action, actor_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.entityType,
      entry.entityId,
      entry.action,
      entry.actorId,
      entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}
