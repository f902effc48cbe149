import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  AreaView,
  CommitmentsRpc,
  CreateAreaDto,
  CreatePlanDto,
  DomainError,
  ErrorCode,
  PlanDashboard,
  PlanView,
} from '@ogp/contracts';

import { Clock } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { assertDates } from '../commitments/date-range';
import { ChangeHistoryRepository } from '../history/change-history.repository';
import { runCreate } from '../idempotency/run-create';
import { countsByLevel, programmeProgress, ratio } from './plan-progress';
import { PlansRepository } from './plans.repository';

/** Plans and areas; plan progress and the plan's public dashboard. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PlansRepository,
    private readonly history: ChangeHistoryRepository,
    private readonly clock: Clock,
  ) {}

  async createPlan(
    actor: Actor | null,
    dto: CreatePlanDto,
    manager?: EntityManager,
    idempotencyKey: string | null = null,
  ): Promise<PlanView> {
    assertRole(actor, RoleGroup.COORDINATION);
    assertDates(dto.startDate, dto.endDate, 'plan');
    const create = { command: CommitmentsRpc.createPlan.subject, actorId: actor.id, idempotencyKey };
    return runCreate(this.dataSource, manager, create, async (m) => {
      if (!(await this.repository.programmeExists(m, dto.programmeId)))
        throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
      if (await this.repository.planCodeTaken(m, dto.programmeId, dto.code))
        throw new DomainError(ErrorCode.ALREADY_EXISTS, `plan ${dto.code} exists in this programme`);
      const id = randomUUID();
      await this.repository.insertPlan(m, id, dto);
      await this.history.record(m, {
        entityType: 'plan',
        entityId: id,
        action: 'created',
        actorId: actor.id,
        before: null,
        after: dto,
      });
      return this.getPlan(id, m);
    });
  }

  async createArea(
    actor: Actor | null,
    dto: CreateAreaDto,
    manager?: EntityManager,
    idempotencyKey: string | null = null,
  ): Promise<AreaView> {
    assertRole(actor, RoleGroup.COORDINATION);
    const create = { command: CommitmentsRpc.createArea.subject, actorId: actor.id, idempotencyKey };
    return runCreate(this.dataSource, manager, create, async (m) => {
      if (!(await this.repository.planExists(m, dto.planId)))
        throw new DomainError(ErrorCode.NOT_FOUND, 'no such plan');
      if (await this.repository.areaCodeTaken(m, dto.planId, dto.code))
        throw new DomainError(ErrorCode.ALREADY_EXISTS, `area ${dto.code} exists in this plan`);
      const id = randomUUID();
      await this.repository.insertArea(m, id, dto);
      await this.history.record(m, {
        entityType: 'area',
        entityId: id,
        action: 'created',
        actorId: actor.id,
        before: null,
        after: dto,
      });
      return { id, code: dto.code, title: dto.title, progress: 0, commitments: 0 };
    });
  }

  async getPlan(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlanView> {
    const plan = await this.repository.plan(manager, id);
    if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, 'no such plan');
    return {
      id: plan.id,
      programmeId: plan.programme_id,
      code: plan.code,
      title: plan.title,
      startDate: plan.start_date,
      endDate: plan.end_date,
      status: plan.status,
      progress: ratio(plan.ps, plan.ws),
      areas: plan.areas.map((a) => ({
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
    const m = this.dataSource.manager;
    if (!(await this.repository.programmeExists(m, programmeId)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
    const ids = await this.repository.planIdsOf(m, programmeId);
    const plans = await Promise.all(ids.map((id) => this.getPlan(id)));
    return { programmeId, progress: programmeProgress(plans), plans };
  }

  /**
   * The public dashboard of a plan, computed when asked. It is not kept here: the gateway keeps
   * public answers and drops them on the change's event, which a copy kept here for a while would
   * outlive (the gateway would store the old figures again after the event, until the next change).
   * `fresh` is accepted for callers that ask for it; every answer is fresh.
   */
  async dashboard(id: string, _fresh = false): Promise<PlanDashboard> {
    const m = this.dataSource.manager;
    const now = this.clock.now().toISOString();
    const plan = await this.getPlan(id);
    const byInstitution = await this.repository.byInstitution(m, id);
    const byCompletionLevel = countsByLevel(await this.repository.levelCounts(m, id));
    const activities = await this.repository.activityCounts(m, id, now);
    const commitments = await this.repository.commitmentCounts(m, id, now, activities.overdue_ids ?? []);
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
        total: commitments.total,
        late: commitments.late,
        withOverdueActivities: activities.commitments_with_overdue,
        onTime: commitments.on_time,
      },
      activities: { total: activities.total, overdue: activities.overdue, completed: activities.completed },
    };
  }
}
