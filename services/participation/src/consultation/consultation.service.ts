import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope, RoleGroup } from '@ogp/auth';
import {
  boundPage,
  CommentView,
  CommitmentsRpc,
  DomainError,
  DraftCommitmentDto,
  DraftCommitmentView,
  ErrorCode,
  HistoryEntry,
  Page,
  PageQuery,
  ParticipationEvents,
} from '@ogp/contracts';
import { NatsRpcClient, OutboxWriter, runIdempotent } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { DataSource } from 'typeorm';
import { CyclesService } from '../cycles/cycles.service';
import { ParticipationHistoryRepository } from '../history/participation-history.repository';
import { CommentRow, ConsultationRepository, DraftRow } from './consultation.repository';

const commentView = (c: CommentRow): CommentView => ({
  id: c.id,
  draftId: c.draft_id,
  body: c.body,
  createdAt: c.created_at.toISOString(),
  answer: c.answer ?? null,
  answeredAt: c.answered_at ? c.answered_at.toISOString() : null,
});

const draftView = (d: DraftRow): DraftCommitmentView => ({
  id: d.id,
  cycleId: d.cycle_id,
  number: d.number,
  title: d.title,
  institution: d.institution,
  institutionId: d.institution_id ?? null,
  comments: d.comments ?? 0,
});

/** Who comments: the public, and the steering committee's members. */
const COMMENTERS = [...RoleGroup.PUBLIC_PARTICIPANTS, 'committee_member'] as const;

/** The public consultation on the draft commitments: comments forwarded to the institution concerned. */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consultation: ConsultationRepository,
    private readonly audit: ParticipationHistoryRepository,
    private readonly outbox: OutboxWriter,
    private readonly cycles: CyclesService,
    private readonly clock: Clock,
    private readonly rpc: NatsRpcClient,
  ) {}

  async createDraft(
    actor: Actor | null,
    dto: DraftCommitmentDto,
    idempotencyKey: string | null = null,
  ): Promise<DraftCommitmentView> {
    assertRole(actor, RoleGroup.COORDINATION);
    // The institution is the commitments service's: it must exist there before it can answer here.
    if (dto.institutionId) await this.rpc.request(CommitmentsRpc.getInstitution, { id: dto.institutionId });
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'participation.drafts.create', async () => {
        const id = randomUUID();
        await this.cycles.assertExists(dto.cycleId, m);
        if (await this.consultation.draftNumberTaken(m, dto.cycleId, dto.number))
          throw new DomainError(ErrorCode.ALREADY_EXISTS, `proposed commitment ${dto.number} exists`);
        await this.consultation.insertDraft(m, id, dto);
        return {
          id,
          cycleId: dto.cycleId,
          number: dto.number,
          title: dto.title,
          institution: dto.institution,
          institutionId: dto.institutionId ?? null,
          comments: 0,
        };
      }),
    );
  }

  async listDrafts(cycleId: string): Promise<DraftCommitmentView[]> {
    await this.cycles.assertExists(cycleId);
    return (await this.consultation.draftsOfCycle(cycleId)).map(draftView);
  }

  async comment(
    actor: Actor | null,
    draftId: string,
    body: string,
    idempotencyKey: string | null = null,
  ): Promise<CommentView> {
    assertRole(actor, COMMENTERS);
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'participation.comments.create', async () => {
        const draft = await this.consultation.draftAddressee(m, draftId);
        if (!draft) throw new DomainError(ErrorCode.NOT_FOUND, 'no such proposed commitment');
        await this.cycles.assertOpen(m, draft.cycle_id, 'consultation');
        const id = randomUUID();
        const row = await this.consultation.insertComment(m, {
          id,
          draftId,
          authorId: actor.id,
          body,
          at: this.clock.now().toISOString(),
        });
        await this.outbox.add(m, ParticipationEvents.commentPosted, {
          aggregate: { type: 'draft', id: draftId },
          data: { commentId: id, draftId, institution: draft.institution, institutionId: draft.institution_id, body },
          actorId: actor.id,
        });
        return commentView(row);
      }),
    );
  }

  async list(query: PageQuery & { draftId: string }): Promise<Page<CommentView>> {
    const { limit, offset } = boundPage(query);
    if (!(await this.consultation.draftExists(query.draftId)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such proposed commitment');
    const total = await this.consultation.countComments(query.draftId);
    const rows = await this.consultation.comments(query.draftId, limit, offset);
    return { items: rows.map(commentView), total, limit, offset };
  }

  /**
   * The answer of the institution concerned: one answer per comment, given by a project manager of
   * that institution or by the coordination team. A later change replaces it and is kept in the
   * comment's history (who, when, before, after); the same answer sent again changes nothing.
   */
  async answer(actor: Actor | null, commentId: string, answer: string): Promise<CommentView> {
    assertRole(actor, RoleGroup.MANAGERS);
    return this.dataSource.transaction(async (m) => {
      const current = await this.consultation.lockComment(m, commentId);
      if (!current) throw new DomainError(ErrorCode.NOT_FOUND, 'no such comment');
      // A draft naming no institution of the platform is answered by the coordination team only.
      assertScope(actor, RoleGroup.MANAGERS, { institutionId: current.institution_id });
      if (current.answer === answer) return commentView(current);
      const now = this.clock.now().toISOString();
      const row = await this.consultation.answer(m, commentId, { text: answer, by: actor.id, at: now });
      const before =
        current.answer === null
          ? null
          : {
              answer: current.answer,
              answeredBy: current.answered_by,
              answeredAt: (current.answered_at as Date).toISOString(),
            };
      await this.audit.record(m, {
        entityType: 'comment',
        entityId: commentId,
        action: before ? 'answer_changed' : 'answered',
        actorId: actor.id,
        before,
        after: { answer, answeredBy: actor.id, answeredAt: now },
        at: now,
      });
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
    if (!(await this.consultation.commentExists(query.id)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such comment');
    const total = await this.audit.count('comment', query.id);
    const rows = await this.audit.page('comment', query.id, limit, offset);
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
