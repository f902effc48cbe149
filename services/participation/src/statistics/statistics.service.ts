import { Injectable } from '@nestjs/common';
import { CycleStatistics, DomainError, ErrorCode } from '@ogp/contracts';
import { DataSource } from 'typeorm';

/**
 * The co-creation synthesis report's tables (seed 001), computed from the data: participants by
 * channel, registered and present per workshop, ideas per theme and channel, fates, proposed
 * commitments and their institutions, and the consultation.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  async compute(cycleId: string): Promise<CycleStatistics> {
    const [cycle] = await this.dataSource.query(`SELECT 1 FROM cycles WHERE id = $1`, [cycleId]);
    if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
    const [portal] = await this.dataSource.query(
      `WITH proposers AS (SELECT DISTINCT author_id FROM ideas WHERE cycle_id = $1 AND channel = 'portal' AND author_id IS NOT NULL),
            interacting AS (SELECT DISTINCT s.user_id FROM idea_supports s JOIN ideas i ON i.id = s.idea_id WHERE i.cycle_id = $1
                            AND s.user_id NOT IN (SELECT author_id FROM proposers))
       SELECT (SELECT count(*)::int FROM proposers) AS with_proposals, (SELECT count(*)::int FROM interacting) AS interacting`,
      [cycleId],
    );
    const workshops = await this.dataSource.query(
      `SELECT w.number, t.number AS theme_number,
              (SELECT count(*)::int FROM registrations r WHERE r.workshop_id = w.id AND r.status = 'confirmed') AS registered,
              (SELECT count(*)::int FROM registrations r WHERE r.workshop_id = w.id AND r.attended) AS present
         FROM workshops w JOIN themes t ON t.id = w.theme_id WHERE w.cycle_id = $1 ORDER BY w.number`,
      [cycleId],
    );
    const byTheme = await this.dataSource.query(
      `SELECT t.number AS theme_number, count(i.id) FILTER (WHERE i.channel = 'portal')::int AS portal, count(i.id) FILTER (WHERE i.channel = 'workshop')::int AS workshop
         FROM themes t LEFT JOIN ideas i ON i.theme_id = t.id AND i.hidden_at IS NULL WHERE t.cycle_id = $1 GROUP BY t.number ORDER BY t.number`,
      [cycleId],
    );
    const [fate] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status NOT IN ('received','rejected'))::int AS accepted, count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE status = 'retained')::int AS retained, count(*) FILTER (WHERE status = 'not_retained')::int AS not_retained,
              count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published
         FROM ideas WHERE cycle_id = $1 AND hidden_at IS NULL`,
      [cycleId],
    );
    const [drafts] = await this.dataSource.query(
      `SELECT count(*)::int AS commitments, count(DISTINCT institution)::int AS institutions FROM draft_commitments WHERE cycle_id = $1`,
      [cycleId],
    );
    const [consultation] = await this.dataSource.query(
      `SELECT coalesce(extract(epoch FROM (p.closes_at - p.opens_at)) / 86400, 0)::float8 AS days,
              (SELECT count(DISTINCT c.author_id)::int FROM comments c JOIN draft_commitments d ON d.id = c.draft_id WHERE d.cycle_id = $1) AS participants,
              (SELECT count(*)::int FROM comments c JOIN draft_commitments d ON d.id = c.draft_id WHERE d.cycle_id = $1) AS comments
         FROM (SELECT $1::uuid AS cycle_id) x LEFT JOIN phases p ON p.cycle_id = x.cycle_id AND p.kind = 'consultation'`,
      [cycleId],
    );
    const portalTotal = portal.with_proposals + portal.interacting;
    const present = workshops.reduce((s: number, w: { present: number }) => s + w.present, 0);
    const ideas = byTheme.reduce(
      (acc: { portal: number; workshop: number }, t: { portal: number; workshop: number }) => ({
        portal: acc.portal + t.portal,
        workshop: acc.workshop + t.workshop,
      }),
      { portal: 0, workshop: 0 },
    );
    return {
      portal: { withProposals: portal.with_proposals, interacting: portal.interacting, total: portalTotal },
      workshops: workshops.map((w: { number: number; theme_number: number; registered: number; present: number }) => ({
        number: w.number,
        themeNumber: w.theme_number,
        registered: w.registered,
        present: w.present,
      })),
      workshopsPresentTotal: present,
      participantsTotal: portalTotal + present,
      ideasByTheme: byTheme.map((t: { theme_number: number; portal: number; workshop: number }) => ({
        themeNumber: t.theme_number,
        portal: t.portal,
        workshop: t.workshop,
      })),
      ideas: { ...ideas, total: ideas.portal + ideas.workshop },
      fate: {
        accepted: fate.accepted,
        rejected: fate.rejected,
        retained: fate.retained,
        notRetained: fate.not_retained,
        published: fate.published,
      },
      proposedCommitments: drafts.commitments,
      institutions: drafts.institutions,
      consultation: {
        days: Math.round(consultation.days),
        weeks: Math.round(consultation.days / 7),
        participants: consultation.participants,
        comments: consultation.comments,
      },
    };
  }
}
