import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole } from '@ogp/auth';
import { boundPage, CommentView, DomainError, DraftCommitmentDto, DraftCommitmentView, ErrorCode, Page, PageQuery, ParticipationEvents } from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { DataSource } from 'typeorm';
import { CyclesService, STAFF } from '../cycles/cycles.service';

const commentView = (c: Record<string, unknown> & { created_at: Date; answered_at: Date | null }): CommentView => ({
  id: c.id as string,
  draftId: c.draft_id as string,
  body: c.body as string,
  createdAt: c.created_at.toISOString(),
  answer: (c.answer as string) ?? null,
  answeredAt: c.answered_at ? c.answered_at.toISOString() : null,
});

/** The public consultation on the draft commitments: comments forwarded to the institution concerned. */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly cycles: CyclesService,
    private readonly clock: Clock,
  ) {}

  async createDraft(actor: Actor | null, dto: DraftCommitmentDto): Promise<DraftCommitmentView> {
    assertRole(actor, STAFF);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const [cycle] = await m.query(`SELECT 1 FROM cycles WHERE id = $1`, [dto.cycleId]);
      if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
      const [taken] = await m.query(`SELECT 1 FROM draft_commitments WHERE cycle_id = $1 AND number = $2`, [dto.cycleId, dto.number]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `proposed commitment ${dto.number} exists`);
      await m.query(`INSERT INTO draft_commitments (id, cycle_id, number, title, institution) VALUES ($1, $2, $3, $4, $5)`, [id, dto.cycleId, dto.number, JSON.stringify(dto.title), dto.institution]);
    });
    return { id, cycleId: dto.cycleId, number: dto.number, title: dto.title, institution: dto.institution, comments: 0 };
  }

  async listDrafts(cycleId: string): Promise<DraftCommitmentView[]> {
    const rows = await this.dataSource.query(
      `SELECT d.id, d.cycle_id, d.number, d.title, d.institution, (SELECT count(*)::int FROM comments c WHERE c.draft_id = d.id) AS comments
         FROM draft_commitments d WHERE d.cycle_id = $1 ORDER BY d.number LIMIT 500`,
      [cycleId],
    );
    return rows.map((d: Record<string, unknown>) => ({ id: d.id, cycleId: d.cycle_id, number: d.number, title: d.title, institution: d.institution, comments: d.comments }) as DraftCommitmentView);
  }

  async comment(actor: Actor | null, draftId: string, body: string): Promise<CommentView> {
    assertRole(actor, ['citizen', 'cso', 'committee_member']);
    return this.dataSource.transaction(async (m) => {
      const [draft] = await m.query(`SELECT cycle_id, institution FROM draft_commitments WHERE id = $1`, [draftId]);
      if (!draft) throw new DomainError(ErrorCode.NOT_FOUND, 'no such proposed commitment');
      await this.cycles.assertOpen(m, draft.cycle_id, 'consultation');
      const id = randomUUID();
      const [row] = await m.query(`INSERT INTO comments (id, draft_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [id, draftId, actor.id, body, this.clock.now().toISOString()]);
      await this.outbox.add(m, ParticipationEvents.commentPosted, { aggregate: { type: 'draft', id: draftId }, data: { commentId: id, draftId, institution: draft.institution, body }, actorId: actor.id });
      return commentView(row);
    });
  }

  async list(query: PageQuery & { draftId: string }): Promise<Page<CommentView>> {
    const { limit, offset } = boundPage(query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM comments WHERE draft_id = $1`, [query.draftId]);
    const rows = await this.dataSource.query(`SELECT * FROM comments WHERE draft_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`, [query.draftId, limit, offset]);
    return { items: rows.map(commentView), total, limit, offset };
  }

  /** The institution's answer, entered by the coordination team or a project manager, shown beside the comment. */
  async answer(actor: Actor | null, commentId: string, answer: string): Promise<CommentView> {
    assertRole(actor, ['project_manager', 'coordinator', 'admin']);
    return this.dataSource.transaction(async (m) => {
      const [row] = await m
        .query(`UPDATE comments SET answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1 RETURNING *`, [commentId, answer, actor.id, this.clock.now().toISOString()])
        .then((r) => r[0]);
      if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such comment');
      await this.outbox.add(m, ParticipationEvents.commentAnswered, { aggregate: { type: 'draft', id: row.draft_id }, data: { commentId, draftId: row.draft_id, authorId: row.author_id }, actorId: actor.id });
      return commentView(row);
    });
  }
}
