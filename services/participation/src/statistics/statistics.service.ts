import { Injectable } from '@nestjs/common';
import { CycleStatistics } from '@ogp/contracts';
import { CyclesService } from '../cycles/cycles.service';
import { StatisticsRepository } from './statistics.repository';

/**
 * The co-creation synthesis report's tables (seed 001), computed from the data: participants by
 * channel, registered and present per workshop, ideas per theme and channel, fates, proposed
 * commitments and their institutions, and the consultation.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly cycles: CyclesService,
  ) {}

  async compute(cycleId: string): Promise<CycleStatistics> {
    await this.cycles.assertExists(cycleId);
    const portal = await this.statistics.portal(cycleId);
    const workshops = await this.statistics.workshops(cycleId);
    const byTheme = await this.statistics.ideasByTheme(cycleId);
    const fate = await this.statistics.fates(cycleId);
    const drafts = await this.statistics.drafts(cycleId);
    const consultation = await this.statistics.consultation(cycleId);
    const portalTotal = portal.with_proposals + portal.interacting;
    const present = workshops.reduce((s, w) => s + w.present, 0);
    const ideas = byTheme.reduce((acc, t) => ({ portal: acc.portal + t.portal, workshop: acc.workshop + t.workshop }), {
      portal: 0,
      workshop: 0,
    });
    return {
      portal: { withProposals: portal.with_proposals, interacting: portal.interacting, total: portalTotal },
      workshops: workshops.map((w) => ({
        number: w.number,
        themeNumber: w.theme_number,
        registered: w.registered,
        present: w.present,
      })),
      workshopsPresentTotal: present,
      participantsTotal: portalTotal + present,
      ideasByTheme: byTheme.map((t) => ({ themeNumber: t.theme_number, portal: t.portal, workshop: t.workshop })),
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
