import { DomainError, ErrorCode } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** A sub-list of a commitment that does not exist is a 404, not an empty list. */
export async function assertCommitmentExists(db: DataSource | EntityManager, id: string): Promise<void> {
  const [row] = await db.query(`SELECT 1 FROM commitments WHERE id = $1`, [id]);
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such commitment');
}
