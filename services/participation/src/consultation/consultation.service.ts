import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope, Role } from '@ogp/auth';
import {
  boundPage,
  CommentView,
  DomainError,
  DraftCommitmentDto,
  DraftCommitmentView,
  ErrorCode,
  HistoryEntry,
  Page,
  PageQuery,
  ParticipationEvents,
  PlansRpc,
} from '@ogp/contracts';
import { NatsRpcClient, OutboxWriter } from '@ogp/messaging';
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

/** Who may answer a comment: the institution concerned (its project managers, by scope) or the coordination team. */
const ANSWERERS: readonly Role[] = ['project_manager', 'coordinator', 'admin'];

const draftView = (d: Record<string, unknown>): DraftCommitmentView => ({
  id: d.id as string,
  cycleId: d.cycle_id as string,
  number: d.number as number,
  title: d.title as DraftCommitmentView['title'],
  institution: d.institution as string,
  institutionId: (d.institution_id as string | null) ?? null,
  comments: (d.comments as number) ?? 0,
});

/** The public consultation on the draft commitments: comments forwarded to the institution concerned. */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly cycles: CyclesService,
    private readonly clock: Clock,
    private readonly rpc: NatsRpcClient,
  ) {}

  async createDraft(actor: Actor | null, dto: DraftCommitmentDto): Promise<DraftCommitmentView> {
    assertRole(actor, STAFF);
    // The institution is the commitments service's: it must exist there before it can answer here.
    if (dto.institutionId) await this.rpc.request(PlansRpc.getInstitution, { id: dto.institutionId });
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const [cycle] = await m.query(`SELECT 1 FROM cycles WHERE id = $1`, [dto.cycleId]);
      if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
      const [taken] = await m.query(`SELECT 1 FROM draft_commitments WHERE cycle_id = $1 AND number = $2`, [
        dto.cycleId,
        dto.number,
      ]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `proposed commitment ${dto.number} exists`);
      await m.query(
        `INSERT INTO draft_commitments (id, cycle_id, number, title, institution, institution_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, dto.cycleId, dto.number, JSON.stringify(dto.title), dto.institution, dto.institutionId ?? null],
      );
    });
    return {
      id,
      cycleId: dto.cycleId,
      number: dto.number,
      title: dto.title,
      institution: dto.institution,
      institutionId: dto.institutionId ?? null,
      comments: 0,
    };
  }

  async listDrafts(cycleId: string): Promise<DraftCommitmentView[]> {
    await this.cycles.assertExists(cycleId);
    const rows = await this.dataSource.query(
      `SELECT d.id, d.cycle_id, d.number, d.title, d.institution, d.institution_id, (SELECT count(*)::int FROM comments c WHERE c.draft_id = d.id) AS comments
         FROM draft_commitments d WHERE d.cycle_id = $1 ORDER BY d.number LIMIT 500`,
      [cycleId],
    );
    return rows.map(draftView);
  }

  async comment(actor: Actor | null, draftId: string, body: string): Promise<CommentView> {
    assertRole(actor, ['citizen', 'cso', 'committee_member']);
    return this.dataSource.transaction(async (m) => {
      const [draft] = await m.query(
        `SELECT cycle_id, institution, institution_id FROM draft_commitments WHERE id = $1`,
        [draftId],
      );
      if (!draft) throw new DomainError(ErrorCode.NOT_FOUND, 'no such proposed commitment');
      await this.cycles.assertOpen(m, draft.cycle_id, 'consultation');
      const id = randomUUID();
      const [row] = await m.query(
        `INSERT INTO comments (id, draft_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [id, draftId, actor.id, body, this.clock.now().toISOString()],
      );
      await this.outbox.add(m, ParticipationEvents.commentPosted, {
        aggregate: { type: 'draft', id: draftId },
        data: { commentId: id, draftId, institution: draft.institution, institutionId: draft.institution_id, body },
        actorId: actor.id,
      });
      return commentView(row);
    });
  }

  async list(query: PageQuery & { draftId: string }): Promise<Page<CommentView>> {
    const { limit, offset } = boundPage(query);
    const [draft] = await this.dataSource.query(`SELECT 1 FROM draft_commitments WHERE id = $1`, [query.draftId]);
    if (!draft) throw new DomainError(ErrorCode.NOT_FOUND, 'no such proposed commitment');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM comments WHERE draft_id = $1`, [
      query.draftId,
    ]);
    const rows = await this.dataSource.query(
      `SELECT * FROM comments WHERE draft_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [query.draftId, limit, offset],
    );
    return { items: rows.map(commentView), total, limit, offset };
  }

  /**
   * The answer of the institution concerned: one answer per comment, given by a project manager of
   * that institution or by the coordination team. A later change replaces it and is kept in the
   * comment's history (who, when, before, after); the same answer sent again changes nothing.
   */
  async answer(actor: Actor | null, commentId: string, answer: string): Promise<CommentView> {
    assertRole(actor, ANSWERERS);
    return this.dataSource.transaction(async (m) => {
      const [current] = await m.query(
        `SELECT c.*, d.institution_id FROM comments c JOIN draft_commitments d ON d.id = c.draft_id WHERE c.id = $1 FOR UPDATE OF c`,
        [commentId],
      );
      if (!current) throw new DomainError(ErrorCode.NOT_FOUND, 'no such comment');
      // A draft naming no institution of the platform is answered by the coordination team only.
      assertScope(actor, ANSWERERS, { institutionId: current.institution_id });
      if (current.answer === answer) return commentView(current);
      const now = this.clock.now().toISOString();
      const [row] = await m
        .query(`UPDATE comments SET answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1 RETURNING *`, [
          commentId,
          answer,
          actor.id,
          now,
        ])
        .then((r) => r[0]);
      const before =
        current.answer === null
          ? null
          : { answer: current.answer, answeredBy: current.answered_by, answeredAt: current.answered_at.toISOString() };
      await m.query(
        `INSERT INTO participation_history (entity_type, entity_id, action, actor_id, before, after, at) VALUES ('comment', $1, $2, $3, $4, $5, $6)`,
        [
          commentId,
          before ? 'answer_changed' : 'answered',
          actor.id,
          before ? JSON.stringify(before) : null,
          JSON.stringify({ answer, answeredBy: actor.id, answeredAt: now }),
          now,
        ],
      );
      await this.outbox.add(m, ParticipationEvents.commentAnswered, {
        aggregate: { type: 'draft', id: row.draft_id },
        data: { commentId, draftId: row.draft_id, authorId: row.author_id },
        actorId: actor.id,
      });
      return commentView(row);
    });
  }

  /** Every answer given to a comment and every change of it, oldest first. */
  async history(query: PageQuery & { id: string }): Promise<Page<HistoryEntry>> {
    const { limit, offset } = boundPage(query);
    const [comment] = await this.dataSource.query(`SELECT 1 FROM comments WHERE id = $1`, [query.id]);
    if (!comment) throw new DomainError(ErrorCode.NOT_FOUND, 'no such comment');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM participation_history WHERE entity_type = 'comment' AND entity_id = $1`,
      [query.id],
    );
    const rows: { action: string; actor_id: string | null; at: Date; before: unknown; after: unknown }[] =
      await this.dataSource.query(
        `SELECT action, actor_id, at, before, after FROM participation_history WHERE entity_type = 'comment' AND entity_id = $1 ORDER BY id LIMIT $2 OFFSET $3`,
        [query.id, limit, offset],
      );
    return {
      items: rows.map((r) => ({
        action: r.action,
        actorId: r.actor_id,
        at: r.at.toISOString(),
        before: r.before,
        after: r.after,
      })),
      total,
      limit,
      offset,
    };
  }
}
