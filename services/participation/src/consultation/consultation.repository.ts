import { Injectable } from '@nestjs/common';
import { DraftCommitmentDto, Localized } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface DraftRow {
  id: string;
  cycle_id: string;
  number: number;
  title: Localized;
  institution: string;
  institution_id: string | null;
  /** Comments received. */
  comments: number;
}

export interface CommentRow {
  id: string;
  draft_id: string;
  author_id: string;
  body: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  created_at: Date;
}

/** draft_commitments (the proposed commitments under consultation) and their comments. */
@Injectable()
export class ConsultationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async draftNumberTaken(m: EntityManager, cycleId: string, number: number): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM draft_commitments WHERE cycle_id = $1 AND number = $2`, [
      cycleId,
      number,
    ]);
    return rows.length > 0;
  }

  async insertDraft(m: EntityManager, id: string, dto: DraftCommitmentDto): Promise<void> {
    await m.query(
      `INSERT INTO draft_commitments (id, cycle_id, number, title, institution, institution_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, dto.cycleId, dto.number, JSON.stringify(dto.title), dto.institution, dto.institutionId ?? null],
    );
  }

  /** In number order, at most 500, with their comment counts. */
  draftsOfCycle(cycleId: string): Promise<DraftRow[]> {
    return this.dataSource.query<DraftRow[]>(
      `SELECT d.id, d.cycle_id, d.number, d.title, d.institution, d.institution_id, (SELECT count(*)::int FROM comments c WHERE c.draft_id = d.id) AS comments
         FROM draft_commitments d WHERE d.cycle_id = $1 ORDER BY d.number LIMIT 500`,
      [cycleId],
    );
  }

  async draftExists(id: string): Promise<boolean> {
    return (await this.dataSource.query<unknown[]>(`SELECT 1 FROM draft_commitments WHERE id = $1`, [id])).length > 0;
  }

  async draftInCycle(m: EntityManager, id: string, cycleId: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM draft_commitments WHERE id = $1 AND cycle_id = $2`, [
      id,
      cycleId,
    ]);
    return rows.length > 0;
  }

  /** Where a comment on the draft goes: its cycle and the institution concerned. */
  async draftAddressee(m: EntityManager, id: string) {
    const [draft] = await m.query<{ cycle_id: string; institution: string; institution_id: string | null }[]>(
      `SELECT cycle_id, institution, institution_id FROM draft_commitments WHERE id = $1`,
      [id],
    );
    return draft;
  }

  async insertComment(
    m: EntityManager,
    c: { id: string; draftId: string; authorId: string; body: string; at: string },
  ): Promise<CommentRow> {
    const [row] = await m.query<CommentRow[]>(
      `INSERT INTO comments (id, draft_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [c.id, c.draftId, c.authorId, c.body, c.at],
    );
    return row;
  }

  async countComments(draftId: string): Promise<number> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM comments WHERE draft_id = $1`,
      [draftId],
    );
    return total;
  }

  /** Oldest first. */
  comments(draftId: string, limit: number, offset: number): Promise<CommentRow[]> {
    return this.dataSource.query<CommentRow[]>(
      `SELECT * FROM comments WHERE draft_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [draftId, limit, offset],
    );
  }

  async commentExists(id: string): Promise<boolean> {
    return (await this.dataSource.query<unknown[]>(`SELECT 1 FROM comments WHERE id = $1`, [id])).length > 0;
  }

  /** The comment, locked, with the institution its draft names. */
  async lockComment(m: EntityManager, id: string) {
    const [row] = await m.query<(CommentRow & { institution_id: string | null })[]>(
      `SELECT c.*, d.institution_id FROM comments c JOIN draft_commitments d ON d.id = c.draft_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    return row;
  }

  async answer(m: EntityManager, id: string, answer: { text: string; by: string; at: string }): Promise<CommentRow> {
    const [[row]] = await m.query<[CommentRow[], number]>(
      `UPDATE comments SET answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1 RETURNING *`,
      [id, answer.text, answer.by, answer.at],
    );
    return row;
  }
}
