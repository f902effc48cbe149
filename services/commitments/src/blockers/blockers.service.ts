import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope, Role, RoleGroup } from '@ogp/auth';
import {
  AnswerBlockerDto,
  BlockerView,
  boundPage,
  CommitmentsEvents,
  CommitmentsRpc,
  DomainError,
  ErrorCode,
  Page,
  RaiseBlockerDto,
} from '@ogp/contracts';
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { CommitmentRow, eventBase } from '../commitments/commitment-row';
import { isoOrNull } from '../commitments/commitment-views.service';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { CommitmentJournal } from '../history/commitment-journal';
import { assertNotClosed, blockerScope, blockerVisibility } from './blocker-rules';
import { BlockerRow, BlockersRepository } from './blockers.repository';

export const toBlockerView = (r: BlockerRow): BlockerView => ({
  id: r.id,
  commitmentId: r.commitment_id,
  title: r.title,
  description: r.description,
  status: r.status,
  raisedBy: r.raised_by,
  raisedAt: new Date(r.raised_at).toISOString(),
  answer: r.answer,
  answeredAt: isoOrNull(r.answered_at),
});

/**
 * A blocker raised by a project manager becomes an intervention request to the steering
 * committee of the commitment's programme: open → answered → closed.
 */
@Injectable()
export class BlockersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: BlockersRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly journal: CommitmentJournal,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A retry with the same key answers the first blocker and raises nothing. */
  async raise(
    actor: Actor | null,
    commitmentId: string,
    dto: RaiseBlockerDto,
    idempotencyKey: string | null = null,
  ): Promise<BlockerView> {
    assertRole(actor, RoleGroup.MANAGERS);
    return this.dataSource.transaction(async (m) => {
      const row = await this.commitments.lock(m, commitmentId);
      assertScope(actor, RoleGroup.MANAGERS, { institutionId: row.lead_institution_id });
      return runIdempotent(
        m,
        idempotencyKey && `${actor.id}:${idempotencyKey}`,
        CommitmentsRpc.raiseBlocker.subject,
        async () => {
          const id = randomUUID();
          await this.repository.insert(m, { ...dto, id, commitmentId, raisedBy: actor.id });
          await this.journal.record(
            m,
            commitmentId,
            actor.id,
            { action: 'blocker_raised', before: null, after: { blockerId: id, title: dto.title } },
            {
              contract: CommitmentsEvents.blockerRaised,
              data: { ...eventBase(row), blockerId: id, blockerTitle: dto.title, status: 'open', raisedBy: actor.id },
            },
          );
          return this.get(m, id);
        },
      );
    });
  }

  /** The committee of that programme (or the coordination team) answers. */
  answer(actor: Actor | null, blockerId: string, dto: AnswerBlockerDto): Promise<BlockerView> {
    return this.transition(actor, blockerId, RoleGroup.OVERSIGHT, async (m, blocker, row, who) => {
      assertNotClosed(blocker.status, 'answer');
      await this.repository.answer(m, blockerId, dto.answer, who.id);
      await this.outbox.add(m, CommitmentsEvents.blockerAnswered, {
        aggregate: { type: 'commitment', id: row.id },
        data: {
          ...eventBase(row),
          blockerId,
          blockerTitle: blocker.title,
          status: 'answered',
          raisedBy: blocker.raised_by,
          answer: dto.answer,
        },
        actorId: who.id,
      });
      return { status: 'answered', answer: dto.answer };
    });
  }

  close(actor: Actor | null, blockerId: string): Promise<BlockerView> {
    return this.transition(actor, blockerId, RoleGroup.STAFF, async (m, blocker) => {
      assertNotClosed(blocker.status, 'close');
      await this.repository.close(m, blockerId);
      return { status: 'closed' };
    });
  }

  private async transition(
    actor: Actor | null,
    blockerId: string,
    roles: readonly Role[],
    change: (
      m: EntityManager,
      blocker: BlockerRow,
      row: CommitmentRow,
      who: Actor,
    ) => Promise<{ status: string; answer?: string }>,
  ): Promise<BlockerView> {
    assertRole(actor, roles);
    return this.dataSource.transaction(async (m) => {
      const blocker = await this.repository.lock(m, blockerId);
      if (!blocker) throw new DomainError(ErrorCode.NOT_FOUND, 'no such blocker');
      const row = await this.commitments.lock(m, blocker.commitment_id);
      assertScope(actor, roles, blockerScope(actor, row));
      const after = await change(m, blocker, row, actor);
      await this.journal.record(m, row.id, actor.id, {
        action: `blocker_${after.status}`,
        before: { blockerId, status: blocker.status },
        after: { blockerId, ...after },
      });
      return this.get(m, blockerId);
    });
  }

  private async get(m: EntityManager, id: string): Promise<BlockerView> {
    const row = await this.repository.get(m, id);
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such blocker');
    return toBlockerView(row);
  }

  /** The committee sees its programmes' blockers; a project manager those of their institutions. */
  async list(
    actor: Actor | null,
    query: { status?: string; commitmentId?: string; limit?: number; offset?: number },
  ): Promise<Page<BlockerView>> {
    assertRole(actor, RoleGroup.STAFF);
    const { limit, offset } = boundPage(query);
    const m = this.dataSource.manager;
    if (query.commitmentId) await this.commitments.assertExists(m, query.commitmentId);
    const { rows, total } = await this.repository.page(
      m,
      { visibility: blockerVisibility(actor), status: query.status, commitmentId: query.commitmentId },
      limit,
      offset,
    );
    return { items: rows.map(toBlockerView), total, limit, offset };
  }
}
