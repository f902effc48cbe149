import { Injectable } from '@nestjs/common';
import { FateStatus } from '@ogp/contracts';
import { FateChange } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { IdeaRow } from '../ideas/idea.row';
import { IDEA_COLUMNS } from '../ideas/ideas.repository';

/** What a fate step reads of an idea, locked. */
export interface IdeaLockRow {
  id: string;
  cycle_id: string;
  status: FateStatus;
  author_id: string | null;
  title: string;
  explanation: string | null;
  published_at: Date | null;
}

/** The triage list's filters. */
export interface TriageFilter {
  cycleId: string;
  status?: string;
  themeId?: string;
  reported?: boolean;
  hidden?: boolean;
}

/** The fate columns of ideas: locks for a step, the step's writes, and the triage list. */
@Injectable()
export class FateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lock(m: EntityManager, ideaId: string): Promise<IdeaLockRow | undefined> {
    const [idea] = await m.query<IdeaLockRow[]>(
      `SELECT id, cycle_id, status, author_id, title, explanation, published_at FROM ideas WHERE id = $1 FOR UPDATE`,
      [ideaId],
    );
    return idea;
  }

  /** Locked in a fixed order, so two overlapping selections cannot deadlock. */
  lockMany(m: EntityManager, ideaIds: string[]): Promise<IdeaLockRow[]> {
    return m.query<IdeaLockRow[]>(
      `SELECT id, cycle_id, status, author_id, title, explanation, published_at FROM ideas WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ideaIds],
    );
  }

  async publish(m: EntityManager, ideaId: string, at: string, explanation: string | null): Promise<void> {
    await m.query(`UPDATE ideas SET published_at = $2, explanation = $3 WHERE id = $1`, [ideaId, at, explanation]);
  }

  /** The new status and the columns the step sets beside it. */
  async move(m: EntityManager, ideaId: string, to: FateStatus, set: Extract<FateChange, { kind: 'move' }>['set']) {
    const columns = Object.keys(set) as (keyof typeof set)[];
    await m.query(`UPDATE ideas SET status = $2${columns.map((c, i) => `, ${c} = $${i + 3}`).join('')} WHERE id = $1`, [
      ideaId,
      to,
      ...columns.map((c) => set[c]),
    ]);
  }

  /** A cycle's ideas as the coordination team triages them (hidden ones too), oldest first or most reported first. */
  async triagePage(filter: TriageFilter, limit: number, offset: number): Promise<{ rows: IdeaRow[]; total: number }> {
    const params: unknown[] = [filter.cycleId];
    const where = ['cycle_id = $1'];
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.themeId) where.push(`theme_id = $${params.push(filter.themeId)}`);
    if (filter.reported) where.push('reports > 0 AND hidden_at IS NULL');
    if (filter.hidden === true) where.push('hidden_at IS NOT NULL');
    if (filter.hidden === false) where.push('hidden_at IS NULL');
    const clause = where.join(' AND ');
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM ideas WHERE ${clause}`,
      params,
    );
    const order = filter.reported ? 'reports DESC, created_at, id' : 'created_at, id';
    const rows = await this.dataSource.query<IdeaRow[]>(
      `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE ${clause} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows, total };
  }
}
