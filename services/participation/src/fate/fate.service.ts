import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  boundPage,
  BulkFateResult,
  BulkFateStepDto,
  DomainError,
  ErrorCode,
  FateStatus,
  FateStepDto,
  IdeaPrivateView,
  IdeaTriageQueryDto,
  IdeaTriageView,
  Page,
  PageQuery,
  ParticipationEvents,
} from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { fateChange } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { ConsultationRepository } from '../consultation/consultation.repository';
import { CyclesService } from '../cycles/cycles.service';
import { ideaTriageView } from '../ideas/idea.view';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { FateRepository, IdeaLockRow } from './fate.repository';

/** The analysts move ideas along their fate (the table is `fateChange` in libs/tracking); every step records who and when. */
@Injectable()
export class FateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fate: FateRepository,
    private readonly ideas: IdeasRepository,
    private readonly ideaViews: IdeasService,
    private readonly drafts: ConsultationRepository,
    private readonly cycles: CyclesService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** One step of an idea's fate. */
  async step(actor: Actor | null, ideaId: string, dto: FateStepDto): Promise<IdeaPrivateView> {
    assertRole(actor, RoleGroup.COORDINATION);
    await this.dataSource.transaction(async (m) => {
      const idea = await this.fate.lock(m, ideaId);
      if (!idea) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
      await this.apply(m, idea, dto, actor.id, this.clock.now().toISOString());
    });
    return this.ideaViews.privateView(ideaId);
  }

  /**
   * The same step for a selection of one cycle's ideas, in one transaction: if any idea is not in
   * the cycle or cannot take the step, nothing moves and the refusal names that idea.
   */
  async stepMany(actor: Actor | null, cycleId: string, dto: BulkFateStepDto): Promise<BulkFateResult> {
    assertRole(actor, RoleGroup.COORDINATION);
    await this.cycles.assertExists(cycleId);
    const { ideaIds, ...step } = dto;
    return this.dataSource.transaction(async (m) => {
      const rows = await this.fate.lockMany(m, ideaIds);
      const missing = ideaIds.filter((id) => !rows.some((r) => r.id === id && r.cycle_id === cycleId));
      if (missing.length)
        throw new DomainError(ErrorCode.NOT_FOUND, 'some ideas are not in this cycle', { ideaIds: missing });
      const now = this.clock.now().toISOString();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const ideas: BulkFateResult['ideas'] = [];
      for (const id of ideaIds) {
        const idea = byId.get(id) as IdeaLockRow;
        try {
          ideas.push({ id, status: await this.apply(m, idea, step, actor.id, now) });
        } catch (error) {
          if (error instanceof DomainError)
            throw new DomainError(error.code, `${error.message} (idea "${idea.title.slice(0, 80)}")`, {
              ...((error.details as object) ?? {}),
              ideaId: id,
            });
          throw error;
        }
      }
      return { moved: ideas.length, ideas };
    });
  }

  /** A cycle's ideas as the coordination team triages them (hidden ones too), oldest first, filtered by step, theme, reports. */
  async triage(
    actor: Actor | null,
    query: PageQuery & IdeaTriageQueryDto & { cycleId: string },
  ): Promise<Page<IdeaTriageView>> {
    assertRole(actor, RoleGroup.COORDINATION);
    const { limit, offset } = boundPage(query);
    await this.cycles.assertExists(query.cycleId);
    const { rows, total } = await this.fate.triagePage(query, limit, offset);
    return { items: rows.map(ideaTriageView), total, limit, offset };
  }

  /** Applies one fate step to a locked idea; returns its new status. */
  private async apply(
    m: EntityManager,
    idea: IdeaLockRow,
    dto: FateStepDto,
    actorId: string,
    now: string,
  ): Promise<FateStatus | 'published'> {
    const change = fateChange(
      { status: idea.status, explanation: idea.explanation, publishedAt: idea.published_at },
      dto,
    );
    if (change.kind === 'publish') {
      await this.fate.publish(m, idea.id, now, change.explanation);
      await this.record(m, idea, 'published', actorId, change.explanation, null, now);
      return 'published';
    }
    if (change.draftCommitmentId && !(await this.drafts.draftInCycle(m, change.draftCommitmentId, idea.cycle_id)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such proposed commitment in this cycle');
    await this.fate.move(m, idea.id, change.to, change.set);
    await this.record(m, idea, change.to, actorId, dto.explanation ?? null, dto.institution ?? null, now);
    return change.to;
  }

  /** The step in the idea's path and its fate-changed event. */
  private async record(
    m: EntityManager,
    idea: IdeaLockRow,
    status: FateStatus | 'published',
    actorId: string,
    explanation: string | null,
    institution: string | null,
    at: string,
  ): Promise<void> {
    await this.ideas.insertStep(m, idea.id, { status, actorId, explanation, institution, at });
    await this.outbox.add(m, ParticipationEvents.ideaFateChanged, {
      aggregate: { type: 'idea', id: idea.id },
      data: {
        ideaId: idea.id,
        cycleId: idea.cycle_id,
        authorId: idea.author_id,
        title: idea.title,
        status,
        explanation,
      },
      actorId,
    });
  }
}
