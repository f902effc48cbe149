import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope, hasAnyRole } from '@ogp/auth';
import {
  AnswerBlockerDto,
  BlockerView,
  boundPage,
  DomainError,
  ErrorCode,
  Page,
  PlanEvents,
  RaiseBlockerDto,
} from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { assertCommitmentExists } from '../commitments/assert-commitment';
import { recordChange } from '../programmes/change-history';
import { eventBase, SqlRow } from '../progress/commitment-row';
import { ProgressEngine } from '../progress/progress-engine';

const view = (r: SqlRow): BlockerView => ({
  id: r.id,
  commitmentId: r.commitment_id,
  title: r.title,
  description: r.description,
  status: r.status,
  raisedBy: r.raised_by,
  raisedAt: new Date(r.raised_at).toISOString(),
  answer: r.answer,
  answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
});

/**
 * A blocker raised by a project manager becomes an intervention request to the steering
 * committee of the commitment's programme: open → answered → closed.
 */
@Injectable()
export class BlockersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly engine: ProgressEngine,
  ) {}

  async raise(actor: Actor | null, commitmentId: string, dto: RaiseBlockerDto): Promise<BlockerView> {
    assertRole(actor, ['project_manager', 'coordinator', 'admin']);
    return this.dataSource.transaction(async (m) => {
      const row = await this.engine.lock(m, commitmentId);
      assertScope(actor, ['project_manager', 'coordinator', 'admin'], { institutionId: row.lead_institution_id });
      const id = randomUUID();
      await m.query(
        `INSERT INTO blockers (id, commitment_id, title, description, raised_by) VALUES ($1, $2, $3, $4, $5)`,
        [id, commitmentId, dto.title, dto.description, actor.id],
      );
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'blocker_raised',
        actorId: actor.id,
        before: null,
        after: { blockerId: id, title: dto.title },
      });
      await this.outbox.add(m, PlanEvents.blockerRaised, {
        aggregate: { type: 'commitment', id: commitmentId },
        data: { ...eventBase(row), blockerId: id, blockerTitle: dto.title, status: 'open', raisedBy: actor.id },
        actorId: actor.id,
      });
      return this.get(m, id);
    });
  }

  /** The committee of that programme (or the coordination team) answers. */
  answer(actor: Actor | null, blockerId: string, dto: AnswerBlockerDto): Promise<BlockerView> {
    return this.transition(actor, blockerId, ['committee_member', 'coordinator', 'admin'], async (m, blocker, row) => {
      if (blocker.status === 'closed') throw new DomainError(ErrorCode.CONFLICT, 'this blocker is closed');
      await m.query(
        `UPDATE blockers SET status = 'answered', answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`,
        [blockerId, dto.answer, actor!.id],
      );
      await this.outbox.add(m, PlanEvents.blockerAnswered, {
        aggregate: { type: 'commitment', id: row.id },
        data: {
          ...eventBase(row),
          blockerId,
          blockerTitle: blocker.title,
          status: 'answered',
          raisedBy: blocker.raised_by,
          answer: dto.answer,
        },
        actorId: actor!.id,
      });
      return { status: 'answered', answer: dto.answer };
    });
  }

  close(actor: Actor | null, blockerId: string): Promise<BlockerView> {
    return this.transition(
      actor,
      blockerId,
      ['project_manager', 'committee_member', 'coordinator', 'admin'],
      async (m, blocker) => {
        if (blocker.status === 'closed') throw new DomainError(ErrorCode.CONFLICT, 'this blocker is already closed');
        await m.query(`UPDATE blockers SET status = 'closed', closed_at = now() WHERE id = $1`, [blockerId]);
        return { status: 'closed' };
      },
    );
  }

  private async transition(
    actor: Actor | null,
    blockerId: string,
    roles: ('project_manager' | 'committee_member' | 'coordinator' | 'admin')[],
    change: (
      m: EntityManager,
      blocker: SqlRow,
      row: Awaited<ReturnType<ProgressEngine['lock']>>,
    ) => Promise<Record<string, unknown>>,
  ): Promise<BlockerView> {
    assertRole(actor, roles);
    return this.dataSource.transaction(async (m) => {
      const [blocker] = await m.query(`SELECT * FROM blockers WHERE id = $1 FOR UPDATE`, [blockerId]);
      if (!blocker) throw new DomainError(ErrorCode.NOT_FOUND, 'no such blocker');
      const row = await this.engine.lock(m, blocker.commitment_id);
      // Committee members act within their programme; project managers within their institution.
      const target =
        hasAnyRole(actor, ['committee_member']) && !hasAnyRole(actor, ['project_manager'])
          ? { programmeId: row.programme_id }
          : { institutionId: row.lead_institution_id };
      assertScope(actor, roles, target);
      const after = await change(m, blocker, row);
      await recordChange(m, {
        entityType: 'commitment',
        entityId: row.id,
        action: `blocker_${after.status}`,
        actorId: actor.id,
        before: { blockerId, status: blocker.status },
        after: { blockerId, ...after },
      });
      return this.get(m, blockerId);
    });
  }

  private async get(m: EntityManager, id: string): Promise<BlockerView> {
    const [r] = await m.query(`SELECT * FROM blockers WHERE id = $1`, [id]);
    return view(r);
  }

  /** The committee sees its programmes' blockers; a project manager those of their institutions. */
  async list(
    actor: Actor | null,
    query: { status?: string; commitmentId?: string; limit?: number; offset?: number },
  ): Promise<Page<BlockerView>> {
    assertRole(actor, ['project_manager', 'committee_member', 'coordinator', 'admin']);
    const { limit, offset } = boundPage(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (!hasAnyRole(actor, ['coordinator', 'admin'])) {
      // Each role reads by its own scope: a project manager's programmes do not widen it to other institutions.
      const visible: string[] = [];
      if (hasAnyRole(actor, ['project_manager'])) {
        params.push(actor.scopes.institutions);
        visible.push(`c.lead_institution_id::text = ANY($${params.length}::text[])`);
      }
      if (hasAnyRole(actor, ['committee_member'])) {
        params.push(actor.scopes.programmes);
        visible.push(`pl.programme_id::text = ANY($${params.length}::text[])`);
      }
      where.push(`(${visible.join(' OR ') || 'false'})`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`b.status = $${params.length}`);
    }
    if (query.commitmentId) {
      await assertCommitmentExists(this.dataSource, query.commitmentId);
      params.push(query.commitmentId);
      where.push(`b.commitment_id = $${params.length}`);
    }
    const from = `FROM blockers b JOIN commitments c ON c.id = b.commitment_id JOIN plans pl ON pl.id = c.plan_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await this.dataSource.query(
      `SELECT b.* ${from} ORDER BY b.raised_at DESC, b.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows.map(view), total, limit, offset };
  }
}
