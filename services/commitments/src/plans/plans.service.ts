import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole } from '@ogp/auth';
import {
  AreaView,
  boundPage,
  COMPLETION_LEVELS,
  CompletionLevel,
  CreateAreaDto,
  CreateInstitutionDto,
  CreatePlanDto,
  DomainError,
  ErrorCode,
  InstitutionView,
  invalidFields,
  Page,
  PlanDashboard,
  PlanView,
} from '@ogp/contracts';
import { Clock } from '@ogp/runtime';
import { StrategyRegistry } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { assertDates } from '../commitments/commitments.service';
import { recordChange } from '../programmes/change-history';
import { STRATEGY_REGISTRY } from '../progress/progress-engine';
import { SqlRow } from '../progress/commitment-row';
import { scheduleFlags } from '../commitments/schedule-flags';

const STAFF = ['coordinator', 'admin'] as const;
/** How old the public dashboard may be. */
const ratio = (sum: number, weight: number) =>
  Number(weight) > 0 ? Math.round((Number(sum) / Number(weight)) * 100) / 100 : 0;

/** Institutions, plans and areas; plan progress and the plan's public dashboard. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(STRATEGY_REGISTRY) private readonly registry: StrategyRegistry,
  ) {}

  async createInstitution(
    actor: Actor | null,
    dto: CreateInstitutionDto,
    manager?: EntityManager,
  ): Promise<InstitutionView> {
    assertRole(actor, STAFF);
    if (dto.trackingStrategy && !this.registry.isKnown(dto.trackingStrategy))
      throw invalidFields(`unknown tracking strategy ${dto.trackingStrategy}`, {
        field: 'trackingStrategy',
        rule: 'unknownStrategy',
        args: [dto.trackingStrategy],
      });
    const run = async (m: EntityManager) => {
      const [taken] = await m.query(`SELECT 1 FROM institutions WHERE code = $1`, [dto.code]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `institution ${dto.code} exists`);
      const id = randomUUID();
      await m.query(`INSERT INTO institutions (id, code, kind, name, tracking_strategy) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        dto.code,
        dto.kind,
        JSON.stringify(dto.name),
        dto.trackingStrategy ?? null,
      ]);
      await recordChange(m, {
        entityType: 'institution',
        entityId: id,
        action: 'created',
        actorId: actor.id,
        before: null,
        after: dto,
      });
      return { id, code: dto.code, kind: dto.kind, name: dto.name, trackingStrategy: dto.trackingStrategy ?? null };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async getInstitution(id: string): Promise<InstitutionView> {
    const [row] = await this.dataSource.query(
      `SELECT id, code, kind, name, tracking_strategy AS "trackingStrategy" FROM institutions WHERE id = $1`,
      [id],
    );
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such institution');
    return row;
  }

  async listInstitutions(page: { limit?: number; offset?: number }): Promise<Page<InstitutionView>> {
    const { limit, offset } = boundPage(page);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM institutions`);
    const rows = await this.dataSource.query(
      `SELECT id, code, kind, name, tracking_strategy AS "trackingStrategy" FROM institutions ORDER BY code LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { items: rows, total, limit, offset };
  }

  async createPlan(actor: Actor | null, dto: CreatePlanDto, manager?: EntityManager): Promise<PlanView> {
    assertRole(actor, STAFF);
    assertDates(dto.startDate, dto.endDate, 'plan');
    const run = async (m: EntityManager) => {
      const [programme] = await m.query(`SELECT id FROM programmes WHERE id = $1`, [dto.programmeId]);
      if (!programme) throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
      const [taken] = await m.query(`SELECT 1 FROM plans WHERE programme_id = $1 AND code = $2`, [
        dto.programmeId,
        dto.code,
      ]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `plan ${dto.code} exists in this programme`);
      const id = randomUUID();
      await m.query(
        `INSERT INTO plans (id, programme_id, code, title, start_date, end_date, status) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, dto.programmeId, dto.code, JSON.stringify(dto.title), dto.startDate, dto.endDate, dto.status ?? 'draft'],
      );
      await recordChange(m, {
        entityType: 'plan',
        entityId: id,
        action: 'created',
        actorId: actor.id,
        before: null,
        after: dto,
      });
      return this.getPlan(id, m);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async createArea(actor: Actor | null, dto: CreateAreaDto, manager?: EntityManager): Promise<AreaView> {
    assertRole(actor, STAFF);
    const run = async (m: EntityManager) => {
      const [plan] = await m.query(`SELECT id FROM plans WHERE id = $1`, [dto.planId]);
      if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, 'no such plan');
      const [taken] = await m.query(`SELECT 1 FROM areas WHERE plan_id = $1 AND code = $2`, [dto.planId, dto.code]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `area ${dto.code} exists in this plan`);
      const id = randomUUID();
      await m.query(`INSERT INTO areas (id, plan_id, code, title, position) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        dto.planId,
        dto.code,
        JSON.stringify(dto.title),
        dto.position ?? 0,
      ]);
      await recordChange(m, {
        entityType: 'area',
        entityId: id,
        action: 'created',
        actorId: actor.id,
        before: null,
        after: dto,
      });
      return { id, code: dto.code, title: dto.title, progress: 0, commitments: 0 };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async getPlan(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlanView> {
    const [plan] = await manager.query(
      `SELECT id, programme_id, code, title, start_date::text AS start_date, end_date::text AS end_date, status, progress_sum::float8 AS ps, weight_sum::float8 AS ws FROM plans WHERE id = $1`,
      [id],
    );
    if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, 'no such plan');
    const areas = await manager.query(
      `SELECT a.id, a.code, a.title, a.progress_sum::float8 AS ps, a.weight_sum::float8 AS ws, (SELECT count(*)::int FROM commitments c WHERE c.area_id = a.id) AS commitments
         FROM areas a WHERE a.plan_id = $1 ORDER BY a.position, a.code`,
      [id],
    );
    return {
      id: plan.id,
      programmeId: plan.programme_id,
      code: plan.code,
      title: plan.title,
      startDate: plan.start_date,
      endDate: plan.end_date,
      status: plan.status,
      progress: ratio(plan.ps, plan.ws),
      areas: areas.map((a: SqlRow) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        progress: ratio(a.ps, a.ws),
        commitments: a.commitments,
      })),
    };
  }

  /** A programme's plans with its own progress (its plans weigh equally). */
  async listPlans(programmeId: string): Promise<{ programmeId: string; progress: number; plans: PlanView[] }> {
    const [programme] = await this.dataSource.query(`SELECT id FROM programmes WHERE id = $1`, [programmeId]);
    if (!programme) throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM plans WHERE programme_id = $1 ORDER BY start_date DESC LIMIT 50`,
      [programmeId],
    );
    const plans = await Promise.all(rows.map((r) => this.getPlan(r.id)));
    const progress = plans.length
      ? Math.round((plans.reduce((s, p) => s + p.progress, 0) / plans.length) * 100) / 100
      : 0;
    return { programmeId, progress, plans };
  }

  /**
   * The public dashboard of a plan, computed when asked. It is not kept here: the gateway keeps
   * public answers and drops them on the change's event, which a copy kept here for a while would
   * outlive (the gateway would store the old figures again after the event, until the next change).
   * `fresh` is accepted for callers that ask for it; every answer is fresh.
   */
  dashboard(id: string, _fresh = false): Promise<PlanDashboard> {
    return this.computeDashboard(id);
  }

  private async computeDashboard(id: string): Promise<PlanDashboard> {
    const now = this.clock.now().toISOString();
    const plan = await this.getPlan(id);
    const byInstitution = await this.dataSource.query(
      `SELECT i.id AS "institutionId", i.name, round(avg(c.progress), 2)::float8 AS progress, count(*)::int AS commitments
         FROM commitments c JOIN institutions i ON i.id = c.lead_institution_id WHERE c.plan_id = $1 GROUP BY i.id, i.name ORDER BY i.code`,
      [id],
    );
    const levels = await this.dataSource.query(
      `SELECT completion_level AS level, count(*)::int AS n FROM commitments WHERE plan_id = $1 GROUP BY completion_level`,
      [id],
    );
    const byCompletionLevel = Object.fromEntries(COMPLETION_LEVELS.map((l) => [l, 0])) as Record<
      CompletionLevel,
      number
    >;
    for (const l of levels) byCompletionLevel[l.level as CompletionLevel] = l.n;
    const overdue = scheduleFlags.activityOverdue('$2');
    const [activities] = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE ${overdue})::int AS overdue,
              count(DISTINCT a.commitment_id) FILTER (WHERE ${overdue})::int AS commitments_with_overdue,
              array_agg(DISTINCT a.commitment_id) FILTER (WHERE ${overdue}) AS overdue_ids
         FROM activities a JOIN commitments c ON c.id = a.commitment_id JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id
        WHERE c.plan_id = $1 AND a.removed_at IS NULL`,
      [id, now],
    );
    const [commitments] = await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE late)::int AS late,
              count(*) FILTER (WHERE NOT late AND NOT (c_id = ANY($3::uuid[])))::int AS on_time
         FROM (SELECT c.id AS c_id, ${scheduleFlags.late('$2')} AS late
                 FROM commitments c JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id WHERE c.plan_id = $1) per`,
      [id, now, activities.overdue_ids ?? []],
    );
    const counts = {
      total: commitments.total,
      late: commitments.late,
      with_overdue: activities.commitments_with_overdue,
      on_time: commitments.on_time,
      activities: activities.total,
      overdue_activities: activities.overdue,
      completed_activities: activities.completed,
    };
    return {
      plan: { id: plan.id, code: plan.code, title: plan.title, progress: plan.progress, status: plan.status },
      byArea: plan.areas.map((a) => ({
        areaId: a.id,
        code: a.code,
        title: a.title,
        progress: a.progress,
        commitments: a.commitments,
      })),
      byInstitution,
      byCompletionLevel,
      commitments: {
        total: counts.total,
        late: counts.late,
        withOverdueActivities: counts.with_overdue,
        onTime: counts.on_time,
      },
      activities: {
        total: counts.activities,
        overdue: counts.overdue_activities,
        completed: counts.completed_activities,
      },
    };
  }
}
