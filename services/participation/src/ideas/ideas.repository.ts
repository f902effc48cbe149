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

/** The submission's answer row: its checks, the idea (null columns when none was stored) and its first step. */
type SubmittedRow = SubmitCheck &
  Partial<IdeaRow> & {
    step_status: IdeaStepRow['status'];
    step_at: Date;
    step_actor_id: string | null;
    step_explanation: string | null;
    step_institution: string | null;
  };

/**
 * A whole submission in one statement, $1 to $12 the idea's values (ideaValues), $13 the hourly
 * limit, $14 to $18 the outbox rows' columns: the checks (the ideas phase open at the idea's time
 * $12, the theme in the cycle), then, only if they pass, the author's lock and hourly count
 * (idea_submissions_in_hour, which stops counting at the limit), then the idea, its first step and
 * its events if the count is under the limit. It answers the checks whatever happened.
 */
const SUBMIT_IDEA_SQL = `WITH checks AS (
         SELECT ph.opens_at, ph.closes_at,
                EXISTS (SELECT 1 FROM cycles WHERE id = $2::uuid) AS cycle_exists,
                EXISTS (SELECT 1 FROM themes WHERE id = $3::uuid AND cycle_id = $2::uuid) AS theme_exists
           FROM (SELECT 1) one LEFT JOIN phases ph ON ph.cycle_id = $2::uuid AND ph.kind = 'ideas'
       ), recent AS (
         SELECT idea_submissions_in_hour($9::uuid, $12::timestamptz - interval '1 hour', $13::int) AS n
           FROM checks WHERE theme_exists AND opens_at <= $12::timestamptz AND $12::timestamptz < closes_at
       ), idea AS (
         INSERT INTO ideas (id, cycle_id, theme_id, channel, workshop_id, title, body, institution, author_id, anonymous, search_text, created_at)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::uuid, $6::text, $7::text, $8::text, $9::uuid, $10::boolean, $11::text, $12::timestamptz
           FROM recent WHERE recent.n < $13::int
         RETURNING *
       ), step AS (
         INSERT INTO idea_steps (idea_id, status, actor_id, at) SELECT id, 'received', $9, $12 FROM idea
         RETURNING status AS step_status, at AS step_at, actor_id AS step_actor_id, explanation AS step_explanation, institution AS step_institution
       ), written AS (
         INSERT INTO outbox (id, type, subject, envelope, headers)
         SELECT e.id, e.type, e.subject, e.envelope, e.headers FROM unnest($14::uuid[], $15::text[], $16::text[], $17::jsonb[], $18::jsonb[]) WITH ORDINALITY AS e(id, type, subject, envelope, headers, n)
          WHERE EXISTS (SELECT 1 FROM idea) ORDER BY e.n
       )
       SELECT checks.*, idea.*, 0 AS supports, step.* FROM checks LEFT JOIN idea ON true LEFT JOIN step ON true`;

/** ideas, idea_steps, idea_reports and idea_supports. */
@Injectable()
export class IdeasRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A portal submission (SUBMIT_IDEA_SQL): on the pool it is one round trip, committed on its own;
   * given a transaction's manager, it runs in that transaction. The stored row comes back as the
   * answer (once committed, the answer must not depend on Postgres still being there); `idea` is
   * null when nothing was stored: the checks tell why, or else the author reached the hourly limit.
   */
  async submit(
    m: EntityManager,
    idea: NewIdea,
    limitPerHour: number,
    events: OutboxRow<unknown>[],
  ): Promise<{ check: SubmitCheck; stored: { idea: IdeaRow; step: IdeaStepRow } | null }> {
    const [row] = await preparedQuery<SubmittedRow>(this.dataSource, m, 'participation.ideas.submit', SUBMIT_IDEA_SQL, [
      ...ideaValues(idea),
      limitPerHour,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.subject),
      events.map((e) => e.envelope),
      events.map((e) => e.headers),
    ]);
    const {
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
    return {
      check,
      stored: {
        idea: stored as IdeaRow,
        step: {
          status: step_status,
          at: step_at,
          actor_id: step_actor_id,
          explanation: step_explanation,
          institution: step_institution,
        },
      },
    };
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
