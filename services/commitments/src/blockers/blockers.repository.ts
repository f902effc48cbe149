import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BlockerStatus, BlockerVisibility } from './blocker-rules';

export interface BlockerRow {
  id: string;
  commitment_id: string;
  title: string;
  description: string;
  status: BlockerStatus;
  raised_by: string;
  raised_at: Date;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  closed_at: Date | null;
}

export interface BlockerFilter {
  visibility: BlockerVisibility;
  status?: string;
  commitmentId?: string;
}

/** The blockers table: intervention requests and their answers. */
@Injectable()
export class BlockersRepository {
  async insert(
    m: EntityManager,
    b: { id: string; commitmentId: string; title: string; description: string; raisedBy: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO blockers (id, commitment_id, title, description, raised_by) VALUES ($1, $2, $3, $4, $5)`,
      [b.id, b.commitmentId, b.title, b.description, b.raisedBy],
    );
  }

  async get(m: EntityManager, id: string): Promise<BlockerRow | undefined> {
    const [row] = await m.query<BlockerRow[]>(`SELECT * FROM blockers WHERE id = $1`, [id]);
    return row;
  }

  async lock(m: EntityManager, id: string): Promise<BlockerRow | undefined> {
    const [row] = await m.query<BlockerRow[]>(`SELECT * FROM blockers WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async answer(m: EntityManager, id: string, answer: string, answeredBy: string): Promise<void> {
    await m.query(
      `UPDATE blockers SET status = 'answered', answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`,
      [id, answer, answeredBy],
    );
  }

  async close(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE blockers SET status = 'closed', closed_at = now() WHERE id = $1`, [id]);
  }

  /** Newest first, within what the actor may see. */
  async page(
    m: EntityManager,
    filter: BlockerFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: BlockerRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const { visibility } = filter;
    if (!visibility.all) {
      const visible: string[] = [];
      if (visibility.institutions) {
        params.push(visibility.institutions);
        visible.push(`c.lead_institution_id::text = ANY($${params.length}::text[])`);
      }
      if (visibility.programmes) {
        params.push(visibility.programmes);
        visible.push(`pl.programme_id::text = ANY($${params.length}::text[])`);
      }
      where.push(`(${visible.join(' OR ') || 'false'})`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`b.status = $${params.length}`);
    }
    if (filter.commitmentId) {
      params.push(filter.commitmentId);
      where.push(`b.commitment_id = $${params.length}`);
    }
    const from = `FROM blockers b JOIN commitments c ON c.id = b.commitment_id JOIN plans pl ON pl.id = c.plan_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
    const [{ total }] = await m.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await m.query<BlockerRow[]>(
      `SELECT b.* ${from} ORDER BY b.raised_at DESC, b.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows, total };
  }
}
