import { Injectable } from '@nestjs/common';
import { OutboxRow } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { IdeaRow, IdeaStepRow } from './idea.row';
import { preparedQuery } from '@ogp/persistence';

/** Every ideas column and the idea's support count, for the views. */
export const IDEA_COLUMNS = `i.*, (SELECT count(*)::int FROM idea_supports s WHERE s.idea_id = i.id) AS supports`;

/** A new idea as written. */
export interface NewIdea {
  id: string;
  cycleId: string;
  themeId: string;
  channel: 'portal' | 'workshop';
  workshopId: string | null;
  title: string;
  body: string;
  institution: string | null;
  authorId: string | null;
  anonymous: boolean;
  searchText: string;
  createdAt: string;
}

/** An idea's column values in the order of the INSERTs below ($1 to $12). */
function ideaValues(idea: NewIdea): unknown[] {
  return [
    idea.id,
    idea.cycleId,
    idea.themeId,
    idea.channel,
    idea.workshopId,
    idea.title,
    idea.body,
    idea.institution,
    idea.authorId,
    idea.anonymous,
    idea.searchText,
    idea.createdAt,
  ];
}

/** What a submission learns of its cycle: the ideas phase (null when it has none), whether the cycle and theme exist. */
export interface SubmitCheck {
  opens_at: Date | null;
  closes_at: Date | null;
  cycle_exists: boolean;
  theme_exists: boolean;
}

/** A submission's answer row: its checks, the idea (null columns when none was stored) and its first step. */
type SubmittedRow = SubmitCheck &
  Partial<IdeaRow> & {
    n: string;
    step_status: IdeaStepRow['status'];
    step_at: Date;
    step_actor_id: string | null;
    step_explanation: string | null;
    step_institution: string | null;
  };

/** What became of one submission: its checks, and the idea with its first step when it was stored. */
export interface Submitted {
  check: SubmitCheck;
  stored: { idea: IdeaRow; step: IdeaStepRow } | null;
}

/** An idea to submit and the events it writes when it is stored. */
export interface Submission {
  idea: NewIdea;
  events: OutboxRow<unknown>[];
}

/**
 * Submissions in one statement, one element of the arrays $1 to $12 per idea (the ideas' columns in
 * the order of ideaValues), $13 the hourly limit, $14 to $19 the outbox rows (the ordinal of their idea,
 * then their columns). For each idea: the checks (the ideas phase open at the idea's time, the theme in
 * the cycle), then, only if they pass, its author's lock and hourly count (idea_submissions_in_hour,
 * which stops counting at the limit) plus the ideas of the same author earlier in this statement, then
 * the idea, its first step and its events if that is under the limit. The authors' locks are taken in
 * one order (the key they lock), so two statements never wait on each other in a circle. It answers
 * every idea's checks, in the ideas' order, whatever happened.
 */
const SUBMIT_IDEAS_SQL = `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                              $8::text[], $9::uuid[], $10::boolean[], $11::text[], $12::timestamptz[])
           WITH ORDINALITY AS t(id, cycle_id, theme_id, channel, workshop_id, title, body, institution, author_id,
                                anonymous, search_text, created_at, n)
       ), checks AS (
         SELECT input.n, ph.opens_at, ph.closes_at,
                EXISTS (SELECT 1 FROM cycles c WHERE c.id = input.cycle_id) AS cycle_exists,
                EXISTS (SELECT 1 FROM themes th WHERE th.id = input.theme_id AND th.cycle_id = input.cycle_id) AS theme_exists
           FROM input LEFT JOIN phases ph ON ph.cycle_id = input.cycle_id AND ph.kind = 'ideas'
       ), recent AS (
         SELECT open.n,
                idea_submissions_in_hour(open.author_id, open.created_at - interval '1 hour', $13::int) + open.earlier AS n_in_hour
           FROM (SELECT input.n, input.author_id, input.created_at,
                        row_number() OVER (PARTITION BY input.author_id ORDER BY input.n) - 1 AS earlier
                   FROM input JOIN checks USING (n)
                  WHERE checks.theme_exists AND checks.opens_at <= input.created_at AND input.created_at < checks.closes_at
                  ORDER BY hashtext('ideas:' || input.author_id::text), input.n
                 OFFSET 0) open
       ), idea AS (
         INSERT INTO ideas (id, cycle_id, theme_id, channel, workshop_id, title, body, institution, author_id, anonymous, search_text, created_at)
         SELECT input.id, input.cycle_id, input.theme_id, input.channel, input.workshop_id, input.title, input.body,
                input.institution, input.author_id, input.anonymous, input.search_text, input.created_at
           FROM input JOIN recent USING (n) WHERE recent.n_in_hour < $13::int ORDER BY input.n
         RETURNING *
       ), step AS (
         INSERT INTO idea_steps (idea_id, status, actor_id, at) SELECT id, 'received', author_id, created_at FROM idea
         RETURNING idea_id, status AS step_status, at AS step_at, actor_id AS step_actor_id,
                   explanation AS step_explanation, institution AS step_institution
       ), written AS (
         INSERT INTO outbox (id, type, subject, envelope, headers)
         SELECT e.id, e.type, e.subject, e.envelope, e.headers
           FROM unnest($14::int[], $15::uuid[], $16::text[], $17::text[], $18::jsonb[], $19::jsonb[])
                WITH ORDINALITY AS e(idea, id, type, subject, envelope, headers, n)
          WHERE e.idea IN (SELECT input.n FROM input JOIN idea ON idea.id = input.id) ORDER BY e.n
       )
       SELECT checks.n, checks.opens_at, checks.closes_at, checks.cycle_exists, checks.theme_exists, idea.*, 0 AS supports,
              step.step_status, step.step_at, step.step_actor_id, step.step_explanation, step.step_institution
         FROM checks JOIN input USING (n) LEFT JOIN idea ON idea.id = input.id LEFT JOIN step ON step.idea_id = input.id
        ORDER BY checks.n`;

/** One answer row of SUBMIT_IDEAS_SQL as what became of its submission. */
function submitted(row: SubmittedRow): Submitted {
  const {
    n: _n,
    opens_at,
    closes_at,
    cycle_exists,
    theme_exists,
    step_status,
    step_at,
    step_actor_id,
    step_explanation,
    step_institution,
    ...stored
  } = row;
  const check = { opens_at, closes_at, cycle_exists, theme_exists };
  if (!stored.id) return { check, stored: null };
  const step = {
    status: step_status,
    at: step_at,
    actor_id: step_actor_id,
    explanation: step_explanation,
    institution: step_institution,
  };
  return { check, stored: { idea: stored as IdeaRow, step } };
}

/** ideas, idea_steps, idea_reports and idea_supports. */
@Injectable()
export class IdeasRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Portal submissions (SUBMIT_IDEAS_SQL): on the pool they are one round trip, committed on their own;
   * given a transaction's manager, they run in that transaction. The stored rows come back as the
   * answers, in the submissions' order (once committed, an answer must not depend on Postgres still
   * being there); `stored` is null when nothing was stored: the checks tell why, or else the author
   * reached the hourly limit.
   */
  async submit(m: EntityManager, submissions: Submission[], limitPerHour: number): Promise<Submitted[]> {
    const values = submissions.map((s) => ideaValues(s.idea));
    const events = submissions.flatMap((s, i) => s.events.map((event) => ({ idea: i + 1, event })));
    const rows = await preparedQuery<SubmittedRow>(this.dataSource, m, 'participation.ideas.submit', SUBMIT_IDEAS_SQL, [
      ...values[0].map((_, column) => values.map((idea) => idea[column])),
      limitPerHour,
      events.map((e) => e.idea),
      events.map((e) => e.event.id),
      events.map((e) => e.event.type),
      events.map((e) => e.event.subject),
      events.map((e) => e.event.envelope),
      events.map((e) => e.event.headers),
    ]);
    return rows.map(submitted);
  }

  /** An idea and its "received" step, for a caller writing its events on its own. */
  async insert(m: EntityManager, idea: NewIdea, stepActorId: string | null): Promise<void> {
    await m.query(
      `INSERT INTO ideas (id, cycle_id, theme_id, channel, workshop_id, title, body, institution, author_id, anonymous, search_text, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      ideaValues(idea),
    );
    await this.insertStep(m, idea.id, { status: 'received', actorId: stepActorId, at: idea.createdAt });
  }

  async insertStep(
    m: EntityManager,
    ideaId: string,
    step: {
      status: IdeaStepRow['status'];
      actorId: string | null;
      at: string;
      explanation?: string | null;
      institution?: string | null;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO idea_steps (idea_id, status, actor_id, explanation, institution, at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [ideaId, step.status, step.actorId, step.explanation ?? null, step.institution ?? null, step.at],
    );
  }

  async find(id: string, m: EntityManager = this.dataSource.manager): Promise<IdeaRow | undefined> {
    const [row] = await m.query<IdeaRow[]>(`SELECT ${IDEA_COLUMNS} FROM ideas i WHERE id = $1`, [id]);
    return row;
  }

  async exists(id: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await m.query<unknown[]>(`SELECT 1 FROM ideas WHERE id = $1`, [id])).length > 0;
  }

  /** The path, in the order it was walked. */
  steps(id: string, m: EntityManager = this.dataSource.manager): Promise<IdeaStepRow[]> {
    return m.query<IdeaStepRow[]>(
      `SELECT status, at, actor_id, explanation, institution FROM idea_steps WHERE idea_id = $1 ORDER BY id`,
      [id],
    );
  }

  /** Locks the idea against concurrent reports; false when there is none. */
  async lock(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query<unknown[]>(`SELECT id FROM ideas WHERE id = $1 FOR UPDATE`, [id])).length > 0;
  }

  /** One report per person; returns the idea's report count (unchanged for a repeat) and whether this one was new. */
  async addReport(m: EntityManager, ideaId: string, reporterId: string, reason: string) {
    const inserted = await m.query<unknown[]>(
      `INSERT INTO idea_reports (idea_id, reporter_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING idea_id`,
      [ideaId, reporterId, reason],
    );
    const [[{ reports }]] = await m.query<[{ reports: number }[], number]>(
      `UPDATE ideas SET reports = reports + $2 WHERE id = $1 RETURNING reports`,
      [ideaId, inserted.length],
    );
    return { reports, added: inserted.length > 0 };
  }

  /** Hides a visible idea; false when it is missing or hidden already. */
  async hide(m: EntityManager, ideaId: string, hide: { at: string; reason: string; by: string }): Promise<boolean> {
    const [rows] = await m.query<[unknown[], number]>(
      `UPDATE ideas SET hidden_at = $2, hidden_reason = $3, hidden_by = $4 WHERE id = $1 AND hidden_at IS NULL RETURNING id`,
      [ideaId, hide.at, hide.reason, hide.by],
    );
    return rows.length > 0;
  }

  /** The cycle of an idea that is not hidden. */
  async visibleCycleOf(m: EntityManager, ideaId: string): Promise<string | null> {
    const [idea] = await m.query<{ cycle_id: string }[]>(
      `SELECT cycle_id FROM ideas WHERE id = $1 AND hidden_at IS NULL`,
      [ideaId],
    );
    return idea?.cycle_id ?? null;
  }

  /** One support per person; returns the idea's support count. */
  async support(m: EntityManager, ideaId: string, userId: string): Promise<number> {
    await m.query(`INSERT INTO idea_supports (idea_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      ideaId,
      userId,
    ]);
    const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM idea_supports WHERE idea_id = $1`, [
      ideaId,
    ]);
    return n;
  }

  /** Visible ideas of the cycle whose text is trigram-close to `normalized`, closest first. */
  similar(cycleId: string, normalized: string): Promise<{ id: string; title: string; similarity: number }[]> {
    return this.dataSource.query<{ id: string; title: string; similarity: number }[]>(
      `SELECT id, title, round(similarity(search_text, $2)::numeric, 3)::float8 AS similarity FROM ideas
        WHERE cycle_id = $1 AND hidden_at IS NULL AND search_text % $2 ORDER BY similarity DESC, created_at LIMIT 10`,
      [cycleId, normalized],
    );
  }

  /** A cycle's visible ideas (of one theme), newest first. */
  async visiblePage(cycleId: string, themeId: string | undefined, limit: number, offset: number) {
    const params: unknown[] = [cycleId];
    let where = `cycle_id = $1 AND hidden_at IS NULL`;
    if (themeId) {
      params.push(themeId);
      where += ` AND theme_id = $2`;
    }
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM ideas WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query<IdeaRow[]>(
      `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE ${where} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows, total };
  }

  /** An author's ideas, newest first. */
  async pageOfAuthor(authorId: string, limit: number, offset: number): Promise<{ ids: string[]; total: number }> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM ideas WHERE author_id = $1`,
      [authorId],
    );
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM ideas WHERE author_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [authorId, limit, offset],
    );
    return { ids: rows.map((r) => r.id), total };
  }
}
