import { Injectable } from '@nestjs/common';
import {
  boundPage,
  CommitmentQueryDto,
  CommitmentSummary,
  CommitmentView,
  DomainError,
  ErrorCode,
  HistoryEntry,
  Page,
} from '@ogp/contracts';
import { Clock } from '@ogp/runtime';
import { isOverdue } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeHistoryRepository } from '../history/change-history.repository';
import { resolveStrategy } from '../tracking/strategy-source';
import { CommitmentCardRow, CommitmentViewsRepository, CommitmentSummaryRow } from './commitment-views.repository';
import { CommitmentsRepository } from './commitments.repository';

export function toSummary(r: CommitmentSummaryRow): CommitmentSummary {
  return {
    id: r.id,
    planId: r.plan_id,
    areaId: r.area_id,
    number: r.number,
    title: r.title,
    leadInstitutionId: r.lead_institution_id,
    startDate: r.start_date,
    endDate: r.end_date,
    progress: r.progress,
    completionLevel: r.completion_level,
    progressStale: r.progress_stale,
    staleReason: r.stale_reason,
    late: r.late,
    reportingPeriodDays: r.reporting_period_days,
    overdueActivities: r.overdue_activities,
  };
}

export const isoOrNull = (at: Date | string | null): string | null => (at ? new Date(at).toISOString() : null);

/** Public reads: commitments with progress, completion level, overdue and late flags, and their history. */
@Injectable()
export class CommitmentViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly repository: CommitmentViewsRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly changes: ChangeHistoryRepository,
  ) {}

  async list(query: CommitmentQueryDto): Promise<Page<CommitmentSummary>> {
    const { limit, offset } = boundPage(query);
    await this.repository.assertFilterTargetsExist(query);
    const { rows, total } = await this.repository.page(query, this.clock.now().toISOString(), limit, offset);
    return { items: rows.map(toSummary), total, limit, offset };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CommitmentView> {
    const r = await this.repository.card(manager, id, this.clock.now().toISOString());
    if (!r) throw new DomainError(ErrorCode.NOT_FOUND, 'no such commitment');
    return this.view(r);
  }

  /**
   * A command's answer, the card as its transaction leaves it, read in the transaction's closing
   * round trip where it can be (see CommitmentViewsRepository.cardWithCommit). Call the returned
   * function once the transaction committed (it reads the card then if the commit did not).
   */
  async cardAfterCommit(manager: EntityManager, id: string): Promise<() => Promise<CommitmentView>> {
    const read = await this.repository.cardWithCommit(manager, id, this.clock.now().toISOString());
    return async () => {
      const row = read.rows?.[0] as CommitmentCardRow | undefined;
      return row ? this.view(row) : this.get(id);
    };
  }

  private view(r: CommitmentCardRow): CommitmentView {
    const activities = r.activities.map((a) => ({
      id: a.id,
      title: a.title,
      startDate: a.start_date,
      endDate: a.end_date,
      weight: a.weight,
      responsible: a.responsible,
      status: a.status,
      progress: a.progress,
      overdue: isOverdue({ endDate: a.end_date, completed: a.status === 'completed' }, r.today),
    }));
    const { key, source } = resolveStrategy(r);
    return {
      ...toSummary(r),
      card: r.card,
      ogpValues: r.ogp_values,
      supportingInstitutionIds: r.supporting_institution_ids,
      trackingStrategy: key,
      strategySource: source,
      progressExplanation: r.progress_explanation,
      levelOverride: r.level_override,
      lastReportAt: isoOrNull(r.last_report_at),
      activities,
      indicators: r.indicators,
    };
  }

  async history(id: string, page: { limit?: number; offset?: number }): Promise<Page<HistoryEntry>> {
    const { limit, offset } = boundPage(page);
    const m = this.dataSource.manager;
    await this.commitments.assertExists(m, id);
    const total = await this.changes.countOf(m, 'commitment', id);
    const rows = await this.changes.pageOf(m, 'commitment', id, limit, offset);
    return {
      items: rows.map((h) => ({
        action: h.action,
        actorId: h.actor_id,
        at: new Date(h.at).toISOString(),
        before: h.before,
        after: h.after,
      })),
      total,
      limit,
      offset,
    };
  }
}
