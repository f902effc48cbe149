import { Localized } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

/** The writes that load a past cycle as history, in the caller's transaction (windows long closed, so no command applies). */
export class DemoCycleRepository {
  constructor(private readonly m: EntityManager) {}

  async cycleExists(code: string): Promise<boolean> {
    return (await this.m.query<unknown[]>(`SELECT 1 FROM cycles WHERE code = $1`, [code])).length > 0;
  }

  async insertCycle(id: string, programmeId: string, code: string, title: Localized): Promise<void> {
    await this.m.query(`INSERT INTO cycles (id, programme_id, code, title) VALUES ($1, $2, $3, $4)`, [
      id,
      programmeId,
      code,
      JSON.stringify(title),
    ]);
  }

  async insertPhase(cycleId: string, kind: string, opensAt: string, closesAt: string): Promise<void> {
    await this.m.query(`INSERT INTO phases (cycle_id, kind, opens_at, closes_at) VALUES ($1, $2, $3, $4)`, [
      cycleId,
      kind,
      opensAt,
      closesAt,
    ]);
  }

  async insertTheme(id: string, cycleId: string, number: number, title: Localized): Promise<void> {
    await this.m.query(`INSERT INTO themes (id, cycle_id, number, title) VALUES ($1, $2, $3, $4)`, [
      id,
      cycleId,
      number,
      JSON.stringify(title),
    ]);
  }

  /** A past workshop, its registration window closing as it starts, with 600 seats. */
  async insertWorkshop(w: {
    id: string;
    cycleId: string;
    themeId: string;
    number: number;
    title: Localized;
    organiser: string;
    institutions: string[];
    startsAt: string;
    confirmed: number;
    agenda: unknown;
  }): Promise<void> {
    await this.m.query(
      `INSERT INTO workshops (id, cycle_id, theme_id, number, title, organiser, institutions, starts_at, registration_opens_at, registration_closes_at, capacity, confirmed, agenda)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2020-10-01T00:00:00Z', $8, 600, $9, $10)`,
      [
        w.id,
        w.cycleId,
        w.themeId,
        w.number,
        JSON.stringify(w.title),
        w.organiser,
        w.institutions,
        w.startsAt,
        w.confirmed,
        JSON.stringify(w.agenda),
      ],
    );
  }

  /** `registered` anonymous registrations with stable ids, the first `present` of them attended. */
  async insertRegistrations(
    workshopId: string,
    prefix: { registration: string; participant: string },
    registered: number,
    present: number,
  ): Promise<void> {
    await this.m.query(
      `INSERT INTO registrations (id, workshop_id, user_id, code, status, attended, created_at)
       SELECT md5($1 || n)::uuid, $2, md5($3 || n)::uuid, upper(substr(md5($1 || n), 1, 10)), 'confirmed', n <= $5, '2020-10-02T00:00:00Z'
         FROM generate_series(1, $4) n`,
      [prefix.registration, workshopId, prefix.participant, registered, present],
    );
  }

  /** An idea as received, with its first step. */
  async insertIdea(i: {
    id: string;
    cycleId: string;
    themeId: string;
    channel: string;
    workshopId: string | null;
    title: string;
    body: string;
    authorId: string | null;
    searchText: string;
    at: string;
  }): Promise<void> {
    await this.m.query(
      `INSERT INTO ideas (id, cycle_id, theme_id, channel, workshop_id, title, body, author_id, search_text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [i.id, i.cycleId, i.themeId, i.channel, i.workshopId, i.title, i.body, i.authorId, i.searchText, i.at],
    );
    await this.m.query(`INSERT INTO idea_steps (idea_id, status, actor_id, at) VALUES ($1, 'received', $2, $3)`, [
      i.id,
      i.authorId,
      i.at,
    ]);
  }

  async insertSupport(ideaId: string, userId: string, at: string): Promise<void> {
    await this.m.query(`INSERT INTO idea_supports (idea_id, user_id, at) VALUES ($1, $2, $3)`, [ideaId, userId, at]);
  }

  async insertDraft(id: string, cycleId: string, number: number, title: Localized, institution: string): Promise<void> {
    await this.m.query(
      `INSERT INTO draft_commitments (id, cycle_id, number, title, institution) VALUES ($1, $2, $3, $4, $5)`,
      [id, cycleId, number, JSON.stringify(title), institution],
    );
  }

  async insertComment(id: string, draftId: string, authorId: string, body: string, at: string): Promise<void> {
    await this.m.query(`INSERT INTO comments (id, draft_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      draftId,
      authorId,
      body,
      at,
    ]);
  }
}
