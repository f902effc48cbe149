import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, hasAnyRole, ROLES } from '@ogp/auth';
import {
  boundPage,
  BulkFateResult,
  BulkFateStepDto,
  IdeaTriageQueryDto,
  IdeaTriageView,
  DomainError,
  ErrorCode,
  FateStatus,
  FateStepDto,
  IdeaPrivateView,
  IdeaPublicView,
  invalidFields,
  Page,
  PageQuery,
  ParticipationEvents,
  SubmitIdeaDto,
  WorkshopIdeaDto,
} from '@ogp/contracts';
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { Clock, normalizeForSearch } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { CyclesService, STAFF } from '../cycles/cycles.service';

export const IDEA_RATE_LIMIT = Symbol('IDEA_RATE_LIMIT');

/**
 * The fate of an idea (seed 001): received → screened (accepted | rejected with a reason) →
 * grouped by institution → shared with it → studied → retained into a proposed commitment |
 * not retained → published with its explanation. Anything else is an illegal jump.
 */
const NEXT: Record<string, Partial<Record<FateStepDto['step'], FateStatus[]>>> = {
  received: { screen: ['accepted', 'rejected'] },
  accepted: { group: ['grouped'] },
  grouped: { share: ['shared'] },
  shared: { study: ['studied'] },
  studied: { retain: ['retained'], not_retain: ['not_retained'] },
};
const FINAL: FateStatus[] = ['rejected', 'retained', 'not_retained'];

type IdeaLock = {
  id: string;
  cycle_id: string;
  status: FateStatus;
  author_id: string | null;
  title: string;
  explanation: string | null;
  published_at: Date | null;
};
type Row = Record<string, unknown> & {
  id: string;
  status: FateStatus;
  author_id: string | null;
  anonymous: boolean;
  created_at: Date;
  published_at: Date | null;
  hidden_at: Date | null;
};

@Injectable()
export class IdeasService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly cycles: CyclesService,
    private readonly clock: Clock,
    @Inject(IDEA_RATE_LIMIT) private readonly rateLimitPerHour: number,
  ) {}

  /** A registered citizen or CSO proposes an idea on the portal, while the ideas space is open. */
  async submit(
    actor: Actor | null,
    dto: SubmitIdeaDto,
    idempotencyKey: string | null = null,
  ): Promise<IdeaPrivateView> {
    assertRole(actor, ['citizen', 'cso']);
    const id = randomUUID();
    // Four round trips in all: BEGIN, the checks with the author's lock, everything written and read back, COMMIT.
    // A retry of an idea already stored (its answer was lost) gets the first answer back, kept with the idea (runIdempotent).
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'participation.ideas.submit', async () => {
        // The window, the theme, and a lock serialising one author's submissions (so the count in the
        // next statement, which sees every submission committed before the lock was granted, cannot be raced past).
        const [check] = await m.query(
          `SELECT ph.opens_at, ph.closes_at, EXISTS (SELECT 1 FROM cycles WHERE id = $1) AS cycle_exists,
                EXISTS (SELECT 1 FROM themes WHERE id = $2 AND cycle_id = $1) AS theme_exists, pg_advisory_xact_lock(hashtext($3))::text AS locked
           FROM (SELECT 1) one LEFT JOIN phases ph ON ph.cycle_id = $1 AND ph.kind = 'ideas'`,
          [dto.cycleId, dto.themeId, `ideas:${actor.id}`],
        );
        this.cycles.assertOpenPhase('ideas', check.opens_at ? check : null, check.cycle_exists);
        if (!check.theme_exists) throw new DomainError(ErrorCode.NOT_FOUND, 'no such theme in this cycle');
        const now = this.clock.now().toISOString();
        const idea = {
          cycleId: dto.cycleId,
          themeId: dto.themeId,
          channel: 'portal' as const,
          title: dto.title,
          body: dto.body,
          institution: dto.institution ?? null,
          authorId: actor.id,
          anonymous: dto.anonymous ?? false,
        };
        const events = [
          this.outbox.prepare(m, ParticipationEvents.ideaSubmitted, {
            aggregate: { type: 'idea', id },
            data: {
              ideaId: id,
              cycleId: idea.cycleId,
              themeId: idea.themeId,
              channel: idea.channel,
              authorId: idea.authorId,
              workshopId: null,
            },
            actorId: idea.authorId,
          }),
          this.outbox.prepare(m, ParticipationEvents.ideaFateChanged, {
            aggregate: { type: 'idea', id },
            data: {
              ideaId: id,
              cycleId: idea.cycleId,
              authorId: idea.authorId,
              title: idea.title,
              status: 'received',
              explanation: null,
            },
            actorId: idea.authorId,
          }),
        ];
        // The hourly count, the idea, its first step and its events; the row comes back as the answer
        // (read inside the transaction: once it commits, the answer must not depend on Postgres still being there).
        const [row] = await m.query(
          `WITH recent AS (
           SELECT count(*)::int AS n FROM ideas WHERE author_id = $9::uuid AND created_at > $12::timestamptz - interval '1 hour'
         ), idea AS (
           INSERT INTO ideas (id, cycle_id, theme_id, channel, workshop_id, title, body, institution, author_id, anonymous, search_text, created_at)
           SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::uuid, $6::text, $7::text, $8::text, $9::uuid, $10::boolean, $11::text, $12::timestamptz WHERE (SELECT n FROM recent) < $13::int
           RETURNING *
         ), step AS (
           INSERT INTO idea_steps (idea_id, status, actor_id, at) SELECT id, 'received', $9, $12 FROM idea
           RETURNING status AS step_status, at AS step_at, actor_id AS step_actor_id, explanation AS step_explanation, institution AS step_institution
         ), written AS (
           INSERT INTO outbox (id, type, subject, envelope, headers)
           SELECT e.id, e.type, e.subject, e.envelope, e.headers FROM unnest($14::uuid[], $15::text[], $16::text[], $17::jsonb[], $18::jsonb[]) WITH ORDINALITY AS e(id, type, subject, envelope, headers, n)
            WHERE EXISTS (SELECT 1 FROM idea) ORDER BY e.n
         )
         SELECT idea.*, 0 AS supports, step.* FROM recent LEFT JOIN idea ON true LEFT JOIN step ON true`,
          [
            id,
            idea.cycleId,
            idea.themeId,
            idea.channel,
            null,
            idea.title,
            idea.body,
            idea.institution,
            idea.authorId,
            idea.anonymous,
            normalizeForSearch(`${idea.title} ${idea.body}`),
            now,
            this.rateLimitPerHour,
            events.map((e) => e.id),
            events.map((e) => e.type),
            events.map((e) => e.subject),
            events.map((e) => e.envelope),
            events.map((e) => e.headers),
          ],
        );
        if (!row.id)
          throw new DomainError(ErrorCode.RATE_LIMITED, `at most ${this.rateLimitPerHour} ideas an hour`, {
            retryAfterSeconds: 3600,
          });
        const step = {
          status: row.step_status,
          at: row.step_at,
          actor_id: row.step_actor_id,
          explanation: row.step_explanation,
          institution: row.step_institution,
        };
        return this.privateOf(row as Row, [step]);
      }),
    );
  }

  /** The coordination team records an idea that came out of a workshop. */
  async recordFromWorkshop(actor: Actor | null, dto: WorkshopIdeaDto): Promise<IdeaPrivateView> {
    assertRole(actor, STAFF);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const [workshop] = await m.query(`SELECT cycle_id, theme_id FROM workshops WHERE id = $1`, [dto.workshopId]);
      if (!workshop) throw new DomainError(ErrorCode.NOT_FOUND, 'no such workshop');
      await this.insert(
        m,
        id,
        {
          ...dto,
          cycleId: workshop.cycle_id,
          themeId: workshop.theme_id,
          channel: 'workshop',
          authorId: null,
          anonymous: false,
        },
        actor.id,
      );
    });
    return this.privateView(id);
  }

  private async insert(
    m: EntityManager,
    id: string,
    idea: {
      cycleId: string;
      themeId: string;
      title: string;
      body: string;
      institution?: string;
      channel: 'portal' | 'workshop';
      workshopId: string | null;
      authorId: string | null;
      anonymous: boolean;
    },
    recordedBy?: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO ideas (id, cycle_id, theme_id, channel, workshop_id, title, body, institution, author_id, anonymous, search_text, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        idea.cycleId,
        idea.themeId,
        idea.channel,
        idea.workshopId,
        idea.title,
        idea.body,
        idea.institution ?? null,
        idea.authorId,
        idea.anonymous,
        normalizeForSearch(`${idea.title} ${idea.body}`),
        this.clock.now().toISOString(),
      ],
    );
    await m.query(`INSERT INTO idea_steps (idea_id, status, actor_id, at) VALUES ($1, 'received', $2, $3)`, [
      id,
      idea.authorId ?? recordedBy ?? null,
      this.clock.now().toISOString(),
    ]);
    await this.outbox.add(m, ParticipationEvents.ideaSubmitted, {
      aggregate: { type: 'idea', id },
      data: {
        ideaId: id,
        cycleId: idea.cycleId,
        themeId: idea.themeId,
        channel: idea.channel,
        authorId: idea.authorId,
        workshopId: idea.workshopId,
      },
      actorId: idea.authorId ?? recordedBy,
    });
    await this.outbox.add(m, ParticipationEvents.ideaFateChanged, {
      aggregate: { type: 'idea', id },
      data: {
        ideaId: id,
        cycleId: idea.cycleId,
        authorId: idea.authorId,
        title: idea.title,
        status: 'received',
        explanation: null,
      },
      actorId: idea.authorId ?? recordedBy,
    });
  }

  private async assertTheme(m: EntityManager, cycleId: string, themeId: string): Promise<void> {
    const [theme] = await m.query(`SELECT 1 FROM themes WHERE id = $1 AND cycle_id = $2`, [themeId, cycleId]);
    if (!theme) throw new DomainError(ErrorCode.NOT_FOUND, 'no such theme in this cycle');
  }

  /** One step of an idea's fate, by the analysts; every step records who and when. */
  async step(actor: Actor | null, ideaId: string, dto: FateStepDto): Promise<IdeaPrivateView> {
    assertRole(actor, STAFF);
    await this.dataSource.transaction(async (m) => {
      const [idea] = await m.query(
        `SELECT id, cycle_id, status, author_id, title, explanation, published_at FROM ideas WHERE id = $1 FOR UPDATE`,
        [ideaId],
      );
      if (!idea) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
      await this.applyStep(m, idea, dto, actor.id, this.clock.now().toISOString());
    });
    return this.privateView(ideaId);
  }

  /**
   * The same step for a selection of one cycle's ideas, in one transaction: if any idea is not in
   * the cycle or cannot take the step, nothing moves and the refusal names that idea.
   */
  async stepMany(actor: Actor | null, cycleId: string, dto: BulkFateStepDto): Promise<BulkFateResult> {
    assertRole(actor, STAFF);
    await this.cycles.assertExists(cycleId);
    const { ideaIds, ...step } = dto;
    return this.dataSource.transaction(async (m) => {
      // Locked in a fixed order, so two overlapping selections cannot deadlock.
      const rows: IdeaLock[] = await m.query(
        `SELECT id, cycle_id, status, author_id, title, explanation, published_at FROM ideas WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [ideaIds],
      );
      const missing = ideaIds.filter((id) => !rows.some((r) => r.id === id && r.cycle_id === cycleId));
      if (missing.length)
        throw new DomainError(ErrorCode.NOT_FOUND, 'some ideas are not in this cycle', { ideaIds: missing });
      const now = this.clock.now().toISOString();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const ideas: BulkFateResult['ideas'] = [];
      for (const id of ideaIds) {
        const idea = byId.get(id) as IdeaLock;
        try {
          ideas.push({ id, status: await this.applyStep(m, idea, step, actor.id, now) });
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

  /** Applies one fate step to a locked idea; returns its new status. */
  private async applyStep(
    m: EntityManager,
    idea: IdeaLock,
    dto: FateStepDto,
    actorId: string,
    now: string,
  ): Promise<FateStatus | 'published'> {
    const ideaId = idea.id;
    if (dto.step === 'publish') {
      if (idea.published_at) throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, 'the fate is already published');
      if (!FINAL.includes(idea.status))
        throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, `an idea ${idea.status} has no final fate to publish yet`, {
          from: idea.status,
          step: dto.step,
        });
      const explanation = dto.explanation ?? idea.explanation;
      if (idea.status !== 'retained' && !explanation)
        throw invalidFields('a fate other than "retained" is published with its explanation', {
          field: 'explanation',
          rule: 'required',
        });
      await m.query(`UPDATE ideas SET published_at = $2, explanation = $3 WHERE id = $1`, [
        ideaId,
        now,
        explanation ?? null,
      ]);
      await this.recordStep(m, idea, 'published', actorId, explanation ?? null, null, now);
      return 'published';
    }
    const allowed = NEXT[idea.status]?.[dto.step];
    if (!allowed)
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, `cannot ${dto.step} an idea that is ${idea.status}`, {
        from: idea.status,
        step: dto.step,
      });
    let to: FateStatus = allowed[0];
    const set: Record<string, unknown> = {};
    if (dto.step === 'screen') {
      if (!dto.decision) throw invalidFields('screening needs a decision', { field: 'decision', rule: 'required' });
      to = dto.decision === 'accept' ? 'accepted' : 'rejected';
      if (to === 'rejected') {
        if (!dto.rejectionReason)
          throw invalidFields('a rejection needs its reason', { field: 'rejectionReason', rule: 'required' });
        set.rejection_reason = dto.rejectionReason;
      }
    }
    if (dto.step === 'group') {
      if (!dto.institution)
        throw invalidFields('grouping names the institution concerned', { field: 'institution', rule: 'required' });
      set.institution = dto.institution;
    }
    if (dto.step === 'retain') {
      if (!dto.draftCommitmentId)
        throw invalidFields('retaining names the proposed commitment', {
          field: 'draftCommitmentId',
          rule: 'required',
        });
      const [draft] = await m.query(`SELECT 1 FROM draft_commitments WHERE id = $1 AND cycle_id = $2`, [
        dto.draftCommitmentId,
        idea.cycle_id,
      ]);
      if (!draft) throw new DomainError(ErrorCode.NOT_FOUND, 'no such proposed commitment in this cycle');
      set.draft_commitment_id = dto.draftCommitmentId;
    }
    if (dto.explanation) set.explanation = dto.explanation;
    const columns = Object.keys(set);
    await m.query(`UPDATE ideas SET status = $2${columns.map((c, i) => `, ${c} = $${i + 3}`).join('')} WHERE id = $1`, [
      ideaId,
      to,
      ...columns.map((c) => set[c]),
    ]);
    await this.recordStep(m, idea, to, actorId, dto.explanation ?? null, dto.institution ?? null, now);
    return to;
  }

  /** A cycle's ideas as the coordination team triages them (hidden ones too), oldest first, filtered by step, theme, reports. */
  async triage(
    actor: Actor | null,
    query: PageQuery & IdeaTriageQueryDto & { cycleId: string },
  ): Promise<Page<IdeaTriageView>> {
    assertRole(actor, STAFF);
    const { limit, offset } = boundPage(query);
    await this.cycles.assertExists(query.cycleId);
    const params: unknown[] = [query.cycleId];
    const where = ['cycle_id = $1'];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.themeId) where.push(`theme_id = $${params.push(query.themeId)}`);
    if (query.reported) where.push('reports > 0 AND hidden_at IS NULL');
    if (query.hidden === true) where.push('hidden_at IS NOT NULL');
    if (query.hidden === false) where.push('hidden_at IS NULL');
    const clause = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ideas WHERE ${clause}`, params);
    const order = query.reported ? 'reports DESC, created_at, id' : 'created_at, id';
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ideas i WHERE ${clause} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        ...this.publicOf(r),
        status: r.status,
        reports: r.reports as number,
        hidden: r.hidden_at ? { reason: r.hidden_reason as string, at: r.hidden_at.toISOString() } : null,
      })),
      total,
      limit,
      offset,
    };
  }

  private async recordStep(
    m: EntityManager,
    idea: { id: string; cycle_id: string; author_id: string | null; title: string },
    status: FateStatus | 'published',
    actorId: string,
    explanation: string | null,
    institution: string | null,
    at: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO idea_steps (idea_id, status, actor_id, explanation, institution, at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [idea.id, status, actorId, explanation, institution, at],
    );
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

  async report(actor: Actor | null, ideaId: string, reason: string): Promise<{ reports: number }> {
    assertRole(actor, ROLES);
    return this.dataSource.transaction(async (m) => {
      const [idea] = await m.query(`SELECT id FROM ideas WHERE id = $1 FOR UPDATE`, [ideaId]);
      if (!idea) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
      const inserted = await m.query(
        `INSERT INTO idea_reports (idea_id, reporter_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING idea_id`,
        [ideaId, actor.id, reason],
      );
      const [{ reports }] = await m
        .query(`UPDATE ideas SET reports = reports + $2 WHERE id = $1 RETURNING reports`, [ideaId, inserted.length])
        .then((r) => r[0]);
      if (inserted.length)
        await this.outbox.add(m, ParticipationEvents.ideaReported, {
          aggregate: { type: 'idea', id: ideaId },
          data: { ideaId, reports },
          actorId: actor.id,
        });
      return { reports };
    });
  }

  async hide(actor: Actor | null, ideaId: string, reason: string): Promise<IdeaPrivateView> {
    assertRole(actor, STAFF);
    await this.dataSource.transaction(async (m) => {
      const rows = await m
        .query(
          `UPDATE ideas SET hidden_at = $2, hidden_reason = $3, hidden_by = $4 WHERE id = $1 AND hidden_at IS NULL RETURNING id`,
          [ideaId, this.clock.now().toISOString(), reason, actor.id],
        )
        .then((r) => r[0]);
      if (!rows.length) {
        const [exists] = await m.query(`SELECT 1 FROM ideas WHERE id = $1`, [ideaId]);
        if (!exists) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
        throw new DomainError(ErrorCode.CONFLICT, 'this idea is already hidden');
      }
      await m.query(
        `INSERT INTO participation_history (entity_type, entity_id, action, actor_id, after) VALUES ('idea', $1, 'hidden', $2, $3)`,
        [ideaId, actor.id, JSON.stringify({ reason })],
      );
      await this.outbox.add(m, ParticipationEvents.ideaHidden, {
        aggregate: { type: 'idea', id: ideaId },
        data: { ideaId, reason },
        actorId: actor.id,
      });
    });
    return this.privateView(ideaId);
  }

  /** Interacting with ideas: a person supports an idea (once). */
  async support(actor: Actor | null, ideaId: string): Promise<{ supports: number }> {
    assertRole(actor, ['citizen', 'cso']);
    return this.dataSource.transaction(async (m) => {
      const [idea] = await m.query(`SELECT cycle_id FROM ideas WHERE id = $1 AND hidden_at IS NULL`, [ideaId]);
      if (!idea) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
      await this.cycles.assertOpen(m, idea.cycle_id, 'ideas');
      await m.query(`INSERT INTO idea_supports (idea_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        ideaId,
        actor.id,
      ]);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM idea_supports WHERE idea_id = $1`, [ideaId]);
      return { supports: n };
    });
  }

  /** Existing ideas close to a text, Arabic-aware, while writing and for the analysts. */
  async similar(cycleId: string, text: string): Promise<{ id: string; title: string; similarity: number }[]> {
    await this.cycles.assertExists(cycleId);
    const q = normalizeForSearch(text).slice(0, 500);
    if (q.length < 3) return [];
    return this.dataSource.query(
      `SELECT id, title, round(similarity(search_text, $2)::numeric, 3)::float8 AS similarity FROM ideas
        WHERE cycle_id = $1 AND hidden_at IS NULL AND search_text % $2 ORDER BY similarity DESC, created_at LIMIT 10`,
      [cycleId, q],
    );
  }

  async list(query: PageQuery & { cycleId: string; themeId?: string }): Promise<Page<IdeaPublicView>> {
    const { limit, offset } = boundPage(query);
    await this.cycles.assertExists(query.cycleId);
    const params: unknown[] = [query.cycleId];
    let where = `cycle_id = $1 AND hidden_at IS NULL`;
    if (query.themeId) {
      await this.assertTheme(this.dataSource.manager, query.cycleId, query.themeId);
      params.push(query.themeId);
      where += ` AND theme_id = $2`;
    }
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ideas WHERE ${where}`, params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ideas i WHERE ${where} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows.map((r) => this.publicOf(r)), total, limit, offset };
  }

  /** The author and the coordination team see the private view; everyone else the public one. */
  async get(actor: Actor | null, id: string): Promise<IdeaPublicView | IdeaPrivateView> {
    const [row]: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ideas i WHERE id = $1`, [id]);
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
    const privileged = !!actor && (row.author_id === actor.id || hasAnyRole(actor, STAFF));
    if (privileged) return this.privateView(id);
    if (row.hidden_at) throw new DomainError(ErrorCode.NOT_FOUND, 'no such idea');
    return this.publicOf(row);
  }

  async mine(actor: Actor | null, query: PageQuery): Promise<Page<IdeaPrivateView>> {
    assertRole(actor, ROLES);
    const { limit, offset } = boundPage(query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ideas WHERE author_id = $1`, [
      actor.id,
    ]);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ideas WHERE author_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [actor.id, limit, offset],
    );
    return { items: await Promise.all(rows.map((r) => this.privateView(r.id))), total, limit, offset };
  }

  private publicOf(r: Row): IdeaPublicView {
    return {
      id: r.id,
      cycleId: r.cycle_id as string,
      themeId: r.theme_id as string,
      channel: r.channel as 'portal' | 'workshop',
      workshopId: r.workshop_id as string | null,
      title: r.title as string,
      body: r.body as string,
      institution: r.institution as string | null,
      authorId: r.anonymous ? null : r.author_id,
      createdAt: r.created_at.toISOString(),
      fate: r.published_at
        ? {
            status: r.status,
            explanation: r.explanation as string | null,
            draftCommitmentId: r.draft_commitment_id as string | null,
            publishedAt: r.published_at.toISOString(),
          }
        : null,
      supports: r.supports as number,
    };
  }

  private async privateView(id: string, manager: EntityManager = this.dataSource.manager): Promise<IdeaPrivateView> {
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} FROM ideas i WHERE id = $1`, [id]);
    const steps = await manager.query(
      `SELECT status, at, actor_id, explanation, institution FROM idea_steps WHERE idea_id = $1 ORDER BY id`,
      [id],
    );
    return this.privateOf(row, steps);
  }

  private privateOf(
    row: Row,
    steps: {
      status: FateStatus;
      at: Date;
      actor_id: string | null;
      explanation: string | null;
      institution: string | null;
    }[],
  ): IdeaPrivateView {
    return {
      ...this.publicOf(row),
      authorId: row.author_id,
      anonymous: row.anonymous,
      status: row.status,
      path: steps.map(
        (s: {
          status: FateStatus;
          at: Date;
          actor_id: string | null;
          explanation: string | null;
          institution: string | null;
        }) => ({
          status: s.status,
          at: s.at.toISOString(),
          actorId: s.actor_id,
          explanation: s.explanation,
          institution: s.institution,
        }),
      ),
      hidden: row.hidden_at ? { reason: row.hidden_reason as string, at: row.hidden_at.toISOString() } : null,
      reports: row.reports as number,
    };
  }
}

const COLUMNS = `i.*, (SELECT count(*)::int FROM idea_supports s WHERE s.idea_id = i.id) AS supports`;
