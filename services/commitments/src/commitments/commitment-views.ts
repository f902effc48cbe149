import { Injectable } from '@nestjs/common';
import {
  ActivityView,
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
import { DataSource, EntityManager } from 'typeorm';
import { ProgressEngine } from '../progress/progress-engine';
import { SqlRow } from '../progress/commitment-row';
import { normalizeForSearch } from '@ogp/runtime';
import { assertCommitmentExists } from './assert-commitment';
import { isOverdue } from '@ogp/tracking';
import { scheduleFlags } from './schedule-flags';
import { preparedQuery } from '@ogp/persistence';

/** Public reads: commitments with progress, completion level, overdue and late flags. */
@Injectable()
export class CommitmentViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly engine: ProgressEngine,
  ) {}

  /** `$1` is the clock's instant: each programme turns it into its own "today". */
  private summarySql(where: string): string {
    return `SELECT c.id, c.plan_id, c.area_id, c.number, c.title, c.lead_institution_id, c.start_date::text AS start_date, c.end_date::text AS end_date,
                   c.progress::float8 AS progress, c.completion_level, c.progress_stale, c.stale_reason,
                   ${scheduleFlags.today('$1')}::text AS today,
                   ${scheduleFlags.late('$1')} AS late, p.reporting_period_days,
                   (SELECT count(*)::int FROM activities a WHERE a.commitment_id = c.id AND a.removed_at IS NULL AND ${scheduleFlags.activityOverdue('$1')}) AS overdue_activities
              FROM commitments c JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id
             ${where}`;
  }

  private summary(r: SqlRow): CommitmentSummary {
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

  async list(query: CommitmentQueryDto): Promise<Page<CommitmentSummary>> {
    const { limit, offset } = boundPage(query);
    // The commitments of a plan, area or institution that does not exist are a 404, not an empty page.
    for (const [table, id, what] of [
      ['plans', query.planId, 'plan'],
      ['areas', query.areaId, 'area'],
      ['institutions', query.institutionId, 'institution'],
    ] as const) {
      if (!id) continue;
      const [found] = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
      if (!found) throw new DomainError(ErrorCode.NOT_FOUND, `no such ${what}`);
    }
    const params: unknown[] = [this.clock.now().toISOString()];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.planId) add('c.plan_id = ?', query.planId);
    if (query.areaId) add('c.area_id = ?', query.areaId);
    if (query.institutionId)
      add(
        '(c.lead_institution_id = ? OR c.lead_institution_id = ANY(c.supporting_institution_ids))',
        query.institutionId,
      );
    if (query.completionLevel) add('c.completion_level = ?', query.completionLevel);
    if (query.status === 'active' || query.status === 'withdrawn') add('c.status = ?', query.status);
    if (query.q)
      add(
        `c.search_text LIKE '%' || ? || '%'`,
        normalizeForSearch(query.q).replace(/[%_\\]/g, (m) => `\\${m}`),
      );
    const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    let sql = `SELECT * FROM (${this.summarySql(filterSql)}) s`;
    if (query.status === 'late') sql += ' WHERE s.late';
    if (query.status === 'overdue') sql += ' WHERE s.overdue_activities > 0';
    if (query.status === 'on_track') sql += ' WHERE NOT s.late AND s.overdue_activities = 0';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) t`, params);
    const rows = await this.dataSource.query(`${sql} ORDER BY s.number, s.id LIMIT ${limit} OFFSET ${offset}`, params);
    return { items: rows.map((r: SqlRow) => this.summary(r)), total, limit, offset };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CommitmentView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError(ErrorCode.NOT_FOUND, 'no such commitment');
    // The hottest read of the service: prepared statements (planning this join cost more than running it).
    const [r] = await preparedQuery(
      this.dataSource,
      manager,
      'commitment_card',
      `SELECT s.*, c.card, c.ogp_values, c.supporting_institution_ids, c.tracking_strategy, c.progress_explanation, c.level_override, c.last_report_at,
              p.tracking_strategy AS programme_strategy, i.tracking_strategy AS institution_strategy
         FROM (${this.summarySql('WHERE c.id = $2')}) s
         JOIN commitments c ON c.id = s.id JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id
         JOIN institutions i ON i.id = c.lead_institution_id`,
      [this.clock.now().toISOString(), id],
    );
    if (!r) throw new DomainError(ErrorCode.NOT_FOUND, 'no such commitment');
    const activities: ActivityView[] = (
      await preparedQuery(
        this.dataSource,
        manager,
        'commitment_card_activities',
        `SELECT id, title, start_date::text AS start_date, end_date::text AS end_date, weight::float8 AS weight, responsible, status, progress::float8 AS progress
           FROM activities WHERE commitment_id = $1 AND removed_at IS NULL ORDER BY position, created_at`,
        [id],
      )
    ).map((a: SqlRow) => ({
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
    const indicators = await preparedQuery(
      this.dataSource,
      manager,
      'commitment_card_indicators',
      `SELECT id, title, unit, baseline::float8 AS baseline, target::float8 AS target, current::float8 AS current FROM indicators WHERE commitment_id = $1 ORDER BY position, id`,
      [id],
    );
    const { key, source } = this.engine.resolve(r);
    return {
      ...this.summary(r),
      card: r.card,
      ogpValues: r.ogp_values,
      supportingInstitutionIds: r.supporting_institution_ids,
      trackingStrategy: key,
      strategySource: source,
      progressExplanation: r.progress_explanation,
      levelOverride: r.level_override,
      lastReportAt: r.last_report_at ? new Date(r.last_report_at).toISOString() : null,
      activities,
      indicators,
    };
  }

  async history(id: string, page: { limit?: number; offset?: number }): Promise<Page<HistoryEntry>> {
    const { limit, offset } = boundPage(page);
    await assertCommitmentExists(this.dataSource, id);
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM change_history WHERE entity_type = 'commitment' AND entity_id = $1`,
      [id],
    );
    const rows = await this.dataSource.query(
      `SELECT action, actor_id, at, before, after FROM change_history WHERE entity_type = 'commitment' AND entity_id = $1 ORDER BY at, id LIMIT $2 OFFSET $3`,
      [id, limit, offset],
    );
    return {
      items: rows.map((h: SqlRow) => ({
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
