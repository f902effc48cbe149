import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, hasAnyRole, RoleGroup } from '@ogp/auth';
import {
  boundPage,
  DomainError,
  ErrorCode,
  IdeaPrivateView,
  IdeaPublicView,
  Page,
  PageQuery,
  ParticipationEvents,
  SubmitIdeaDto,
  WorkshopIdeaDto,
} from '@ogp/contracts';
import { OutboxRelay, OutboxWriter, runIdempotent } from '@ogp/messaging';
import { Clock, GroupRunner, normalizeForSearch } from '@ogp/runtime';
import { assertPhaseOpen } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { CyclesService } from '../cycles/cycles.service';
import { ParticipationHistoryRepository } from '../history/participation-history.repository';
import { WorkshopsRepository } from '../workshops/workshops.repository';
import { IDEA_RATE_LIMIT } from './idea-rate-limit.constant';
import { ideaPrivateView, ideaPublicView } from './idea.view';
import { similarityProbe } from './similar-idea';
import { IdeasRepository, NewIdea, Submission, Submitted } from './ideas.repository';

/**
 * Submission statements running at once; the submissions that arrive meanwhile share the next one.
 * One: measured with the ideas bench, alternated three times with two at once, 1,341 / 1,466 / 1,183
 * ideas a second against 1,294 / 1,219 / 805, and 0.24-0.30 ms of Postgres CPU per idea against 0.35-0.56.
 */
const SUBMIT_STATEMENTS_AT_ONCE = 1;
/** The most submissions in one statement. */
const SUBMISSIONS_PER_STATEMENT = 100;

/** Ideas: submission on the portal or from a workshop, support, reports and moderation, similar ideas. */
@Injectable()
export class IdeasService {
  /** Submissions without an idempotency key, written together when they arrive together (group commit). */
  private readonly submissions: GroupRunner<Submission, Submitted>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeasRepository,
    private readonly workshops: WorkshopsRepository,
    private readonly history: ParticipationHistoryRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly cycles: CyclesService,
    private readonly clock: Clock,
    @Inject(IDEA_RATE_LIMIT) private readonly rateLimitPerHour: number,
  ) {
    this.submissions = new GroupRunner({
      run: async (submissions) => {
        const results = await this.ideas.submit(this.dataSource.manager, submissions, this.rateLimitPerHour);
        this.relay.kick();
        return results;
      },
      concurrency: SUBMIT_STATEMENTS_AT_ONCE,
      maxSize: SUBMISSIONS_PER_STATEMENT,
    });
  }

  /**
   * A registered citizen or CSO proposes an idea on the portal, while the ideas space is open: one
   * statement, committed on its own, one round trip (IdeasRepository.submit), shared with the other
   * submissions that arrived while earlier ones were being written. With an idempotency key, it runs
   * alone in a transaction with the key (runIdempotent): a retry of an idea already stored (its answer
   * was lost) gets the first answer back, even after the window closed.
   */
  async submit(
    actor: Actor | null,
    dto: SubmitIdeaDto,
    idempotencyKey: string | null = null,
  ): Promise<IdeaPrivateView> {
    assertRole(actor, RoleGroup.PUBLIC_PARTICIPANTS);
    const idea = this.newIdea(randomUUID(), { ...dto, channel: 'portal', workshopId: null, authorId: actor.id });
    const events = [
      this.outbox.row(ParticipationEvents.ideaSubmitted, this.submittedEvent(idea, idea.authorId)),
      this.outbox.row(ParticipationEvents.ideaFateChanged, this.receivedEvent(idea, idea.authorId)),
    ];
    if (!idempotencyKey) return this.submitted(idea, await this.submissions.submit({ idea, events }));
    return this.dataSource.transaction((m) =>
      runIdempotent(m, `${actor.id}:${idempotencyKey}`, 'participation.ideas.submit', async () => {
        this.outbox.markWritten(m);
        const [result] = await this.ideas.submit(m, [{ idea, events }], this.rateLimitPerHour);
        return this.submitted(idea, result);
      }),
    );
  }

  /** A submission's answer: the stored idea, or why none was (judged at the idea's own time, as the statement did). */
  private submitted(idea: NewIdea, { check, stored }: Submitted): IdeaPrivateView {
    if (stored) return ideaPrivateView(stored.idea, [stored.step]);
    assertPhaseOpen(
      new Date(idea.createdAt),
      'ideas',
      check.opens_at && check.closes_at ? { opensAt: check.opens_at, closesAt: check.closes_at } : null,
      check.cycle_exists,
    );
    if (!check.theme_exists) throw new DomainError(ErrorCode.NOT_FOUND, 'no such theme in this cycle');
    throw new DomainError(ErrorCode.RATE_LIMITED, `at most ${this.rateLimitPerHour} ideas an hour`, {
      retryAfterSeconds: 3600,
    });
  }

  /** The coordination team records an idea that came out of a workshop. */
  async recordFromWorkshop(
    actor: Actor | null,
    dto: WorkshopIdeaDto,
    idempotencyKey: string | null = null,
  ): Promise<IdeaPrivateView> {
    assertRole(actor, RoleGroup.COORDINATION);
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'participation.ideas.workshop', async () => {
        const workshop = await this.workshops.place(m, dto.workshopId);
        if (!workshop) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
        const idea = this.newIdea(randomUUID(), {
          ...dto,
          cycleId: workshop.cycle_id,
          themeId: workshop.theme_id,
          channel: 'workshop',
          authorId: null,
          anonymous: false,
        });
        await this.ideas.insert(m, idea, actor.id);
        await this.outbox.add(m, ParticipationEvents.ideaSubmitted, this.submittedEvent(idea, actor.id));
        await this.outbox.add(m, ParticipationEvents.ideaFateChanged, this.receivedEvent(idea, actor.id));
        return this.privateView(idea.id, m);
      }),
    );
  }

  async report(actor: Actor | null, ideaId: string, reason: string): Promise<{ reports: number }> {
    assertRole(actor, RoleGroup.ALL);
    return this.dataSource.transaction(async (m) => {
      if (!(await this.ideas.lock(m, ideaId))) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
      const { reports, added } = await this.ideas.addReport(m, ideaId, actor.id, reason);
      if (added)
        await this.outbox.add(m, ParticipationEvents.ideaReported, {
          aggregate: { type: 'idea', id: ideaId },
          data: { ideaId, reports },
          actorId: actor.id,
        });
      return { reports };
    });
  }

  async hide(actor: Actor | null, ideaId: string, reason: string): Promise<IdeaPrivateView> {
    assertRole(actor, RoleGroup.COORDINATION);
    await this.dataSource.transaction(async (m) => {
      if (!(await this.ideas.hide(m, ideaId, { at: this.clock.now().toISOString(), reason, by: actor.id }))) {
        if (!(await this.ideas.exists(ideaId, m))) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
        throw new DomainError(ErrorCode.CONFLICT, 'this idea is already hidden');
      }
      await this.history.record(m, {
        entityType: 'idea',
        entityId: ideaId,
        action: 'hidden',
        actorId: actor.id,
        after: { reason },
      });
      await this.outbox.add(m, ParticipationEvents.ideaHidden, {
        aggregate: { type: 'idea', id: ideaId },
        data: { ideaId, reason },
        actorId: actor.id,
      });
    });
    return this.privateView(ideaId);
  }

  /** Interacting with ideas: a person supports an idea (once; the same key, or a second support, changes nothing). */
  async support(
    actor: Actor | null,
    ideaId: string,
    idempotencyKey: string | null = null,
  ): Promise<{ supports: number }> {
    assertRole(actor, RoleGroup.PUBLIC_PARTICIPANTS);
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'participation.ideas.support', async () => {
        const cycleId = await this.ideas.visibleCycleOf(m, ideaId);
        if (!cycleId) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
        await this.cycles.assertOpen(m, cycleId, 'ideas');
        return { supports: await this.ideas.support(m, ideaId, actor.id) };
      }),
    );
  }

  /** Existing ideas close to a text, Arabic-aware, while writing and for the analysts. */
  async similar(cycleId: string, text: string): Promise<{ id: string; title: string; similarity: number }[]> {
    await this.cycles.assertExists(cycleId);
    const probe = similarityProbe(text);
    return probe ? this.ideas.similar(cycleId, probe) : [];
  }

  async list(query: PageQuery & { cycleId: string; themeId?: string }): Promise<Page<IdeaPublicView>> {
    const { limit, offset } = boundPage(query);
    await this.cycles.assertExists(query.cycleId);
    if (query.themeId) await this.cycles.assertTheme(query.cycleId, query.themeId);
    const { rows, total } = await this.ideas.visiblePage(query.cycleId, query.themeId, limit, offset);
    return { items: rows.map(ideaPublicView), total, limit, offset };
  }

  /** The author and the coordination team see the private view; everyone else the public one. */
  async get(actor: Actor | null, id: string): Promise<IdeaPublicView | IdeaPrivateView> {
    const row = await this.ideas.find(id);
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
    const privileged = !!actor && (row.author_id === actor.id || hasAnyRole(actor, RoleGroup.COORDINATION));
    if (privileged) return this.privateView(id);
    if (row.hidden_at) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
    return ideaPublicView(row);
  }

  async mine(actor: Actor | null, query: PageQuery): Promise<Page<IdeaPrivateView>> {
    assertRole(actor, RoleGroup.ALL);
    const { limit, offset } = boundPage(query);
    const { ids, total } = await this.ideas.pageOfAuthor(actor.id, limit, offset);
    return { items: await Promise.all(ids.map((id) => this.privateView(id))), total, limit, offset };
  }

  /** The idea with its whole path (the caller knows it exists). */
  async privateView(id: string, m: EntityManager = this.dataSource.manager): Promise<IdeaPrivateView> {
    const row = await this.ideas.find(id, m);
    const steps = await this.ideas.steps(id, m);
    return ideaPrivateView(row!, steps);
  }

  private newIdea(
    id: string,
    idea: Omit<NewIdea, 'id' | 'institution' | 'searchText' | 'createdAt' | 'anonymous' | 'workshopId'> & {
      institution?: string;
      anonymous?: boolean;
      workshopId: string | null;
    },
  ): NewIdea {
    return {
      id,
      cycleId: idea.cycleId,
      themeId: idea.themeId,
      channel: idea.channel,
      workshopId: idea.workshopId,
      title: idea.title,
      body: idea.body,
      institution: idea.institution ?? null,
      authorId: idea.authorId,
      anonymous: idea.anonymous ?? false,
      searchText: normalizeForSearch(`${idea.title} ${idea.body}`),
      createdAt: this.clock.now().toISOString(),
    };
  }

  private submittedEvent(idea: NewIdea, actorId: string | null) {
    return {
      aggregate: { type: 'idea', id: idea.id },
      data: {
        ideaId: idea.id,
        cycleId: idea.cycleId,
        themeId: idea.themeId,
        channel: idea.channel,
        authorId: idea.authorId,
        workshopId: idea.workshopId,
      },
      actorId,
    };
  }

  private receivedEvent(idea: NewIdea, actorId: string | null) {
    return {
      aggregate: { type: 'idea', id: idea.id },
      data: {
        ideaId: idea.id,
        cycleId: idea.cycleId,
        authorId: idea.authorId,
        title: idea.title,
        status: 'received' as const,
        explanation: null,
      },
      actorId,
    };
  }
}
