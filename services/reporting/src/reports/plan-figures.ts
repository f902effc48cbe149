import { Localized } from '@ogp/contracts';
import { COMPLETION_THRESHOLDS, isOverdue } from '@ogp/tracking';
import { ActivityStatus, CommitmentContact, PlanReportData } from './documents/plan-report-data';
import type { PlanActivityRow, PlanCommitmentRow } from './reports.repository';

/** An activity's status in the reports and exports; overdue is the libs/tracking rule. */
export function activityStatus(
  progress: number,
  endDate: string,
  today: string,
  underway: ActivityStatus = progress > 0 ? 'in_progress' : 'not_started',
): ActivityStatus {
  const completed = progress >= COMPLETION_THRESHOLDS.complete;
  if (completed) return 'completed';
  return isOverdue({ endDate, completed }, today) ? 'overdue' : underway;
}

/** The mean of progress figures, to two decimals; 0 for none. */
export function meanProgress(xs: number[]): number {
  return xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : 0;
}

/** What the owning service tells of a commitment's card. */
export type CardDetails = Map<string, { contact: CommitmentContact | null; institution: Localized | null }>;

/**
 * A plan report's data: the overall and per-area progress (means of the commitments'), and each
 * commitment with its activities and their status on `day` (the plan's programme's today).
 */
export function planReportData(
  plan: { id: string; title: Localized | null },
  commitments: PlanCommitmentRow[],
  activities: PlanActivityRow[],
  cards: CardDetails,
  day: string,
): PlanReportData {
  const areas = new Map<string, { title: Localized | null; progress: number[] }>();
  for (const c of commitments) {
    const area = areas.get(c.area_id) ?? { title: c.area_title, progress: [] };
    area.progress.push(c.progress);
    areas.set(c.area_id, area);
  }
  return {
    planId: plan.id,
    planTitle: plan.title,
    generatedOn: day,
    overall: meanProgress(commitments.map((c) => c.progress)),
    areas: [...areas.values()].map((a) => ({
      title: a.title,
      progress: meanProgress(a.progress),
      commitments: a.progress.length,
    })),
    commitments: commitments.map((c) => ({
      number: c.number,
      title: c.title,
      area: c.area_title,
      completionLevel: c.completion_level,
      progress: c.progress,
      results: c.last_results as Localized | null,
      institution: cards.get(c.id)?.institution ?? null,
      contact: cards.get(c.id)?.contact ?? null,
      activities: activities
        .filter((a) => a.commitment_id === c.id)
        .map((a) => ({
          title: a.title,
          endDate: a.end_date,
          progress: a.progress,
          status: activityStatus(a.progress, a.end_date, day),
        })),
    })),
  };
}
