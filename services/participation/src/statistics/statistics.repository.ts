import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PortalParticipationRow {
  with_proposals: number;
  interacting: number;
}
export interface WorkshopAttendanceRow {
  number: number;
  theme_number: number;
  registered: number;
  present: number;
}
export interface ThemeIdeasRow {
  theme_number: number;
  portal: number;
  workshop: number;
}
export interface FateCountsRow {
  accepted: number;
  rejected: number;
  retained: number;
  not_retained: number;
  published: number;
}
export interface DraftCountsRow {
  commitments: number;
  institutions: number;
}
export interface ConsultationCountsRow {
  days: number;
  participants: number;
  comments: number;
}

/** The counts behind a cycle's synthesis report; hidden ideas are left out. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** People who proposed on the portal, and those who only supported (not counted twice). */
  async portal(cycleId: string): Promise<PortalParticipationRow> {
    const [row] = await this.dataSource.query<PortalParticipationRow[]>(
      `WITH proposers AS (SELECT DISTINCT author_id FROM ideas WHERE cycle_id = $1 AND channel = 'portal' AND author_id IS NOT NULL),
            interacting AS (SELECT DISTINCT s.user_id FROM idea_supports s JOIN ideas i ON i.id = s.idea_id WHERE i.cycle_id = $1
                            AND s.user_id NOT IN (SELECT author_id FROM proposers))
       SELECT (SELECT count(*)::int FROM proposers) AS with_proposals, (SELECT count(*)::int FROM interacting) AS interacting`,
      [cycleId],
    );
    return row;
  }

  workshops(cycleId: string): Promise<WorkshopAttendanceRow[]> {
    return this.dataSource.query<WorkshopAttendanceRow[]>(
      `SELECT w.number, t.number AS theme_number,
              (SELECT count(*)::int FROM registrations r WHERE r.workshop_id = w.id AND r.status = 'confirmed') AS registered,
              (SELECT count(*)::int FROM registrations r WHERE r.workshop_id = w.id AND r.attended) AS present
         FROM workshops w JOIN themes t ON t.id = w.theme_id WHERE w.cycle_id = $1 ORDER BY w.number`,
      [cycleId],
    );
  }

  ideasByTheme(cycleId: string): Promise<ThemeIdeasRow[]> {
    return this.dataSource.query<ThemeIdeasRow[]>(
      `SELECT t.number AS theme_number, count(i.id) FILTER (WHERE i.channel = 'portal')::int AS portal, count(i.id) FILTER (WHERE i.channel = 'workshop')::int AS workshop
         FROM themes t LEFT JOIN ideas i ON i.theme_id = t.id AND i.hidden_at IS NULL WHERE t.cycle_id = $1 GROUP BY t.number ORDER BY t.number`,
      [cycleId],
    );
  }

  async fates(cycleId: string): Promise<FateCountsRow> {
    const [row] = await this.dataSource.query<FateCountsRow[]>(
      `SELECT count(*) FILTER (WHERE status NOT IN ('received','rejected'))::int AS accepted, count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE status = 'retained')::int AS retained, count(*) FILTER (WHERE status = 'not_retained')::int AS not_retained,
              count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published
         FROM ideas WHERE cycle_id = $1 AND hidden_at IS NULL`,
      [cycleId],
    );
    return row;
  }

  async drafts(cycleId: string): Promise<DraftCountsRow> {
    const [row] = await this.dataSource.query<DraftCountsRow[]>(
      `SELECT count(*)::int AS commitments, count(DISTINCT institution)::int AS institutions FROM draft_commitments WHERE cycle_id = $1`,
      [cycleId],
    );
    return row;
  }

  /** The consultation phase's length in days (0 without one), its commenters and comments. */
  async consultation(cycleId: string): Promise<ConsultationCountsRow> {
    const [row] = await this.dataSource.query<ConsultationCountsRow[]>(
      `SELECT coalesce(extract(epoch FROM (p.closes_at - p.opens_at)) / 86400, 0)::float8 AS days,
              (SELECT count(DISTINCT c.author_id)::int FROM comments c JOIN draft_commitments d ON d.id = c.draft_id WHERE d.cycle_id = $1) AS participants,
              (SELECT count(*)::int FROM comments c JOIN draft_commitments d ON d.id = c.draft_id WHERE d.cycle_id = $1) AS comments
         FROM (SELECT $1::uuid AS cycle_id) x LEFT JOIN phases p ON p.cycle_id = x.cycle_id AND p.kind = 'consultation'`,
      [cycleId],
    );
    return row;
  }
}
