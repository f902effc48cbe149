import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  CommitmentView,
  CompletionLevel,
  CreateCommitmentDto,
  DomainError,
  invalidFields,
  ErrorCode,
  ManualLevelDto,
  OverrideLevelDto,
  CommitmentsEvents,
  CommitmentsRpc,
  UpdateCommitmentDto,
} from '@ogp/contracts';

import { Clock } from '@ogp/runtime';
import { StrategyRegistry } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { ActivitiesRepository } from '../activities/activities.repository';
import { CommitmentJournal } from '../history/commitment-journal';
import { runCreate } from '../idempotency/run-create';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { ProgressEngine } from '../progress/progress-engine';
import { assertKnownStrategy } from '../tracking/strategy-source';
import { STRATEGY_REGISTRY } from '../tracking/tracking.constant';
import { cardOf, changedFields, editableCard, pick, searchText } from './commitment-card';
import { eventBase, LevelOverride } from './commitment-row';
import { CommitmentsRepository } from './commitments.repository';
import { assertDates } from './date-range';

/** Commitment cards: creation, card edits, the completion level set by hand or overridden. Scope is checked by institution. */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly dataSource: DataSource,

    private readonly engine: ProgressEngine,
    private readonly runner: CommitmentChangeRunner,
    private readonly repository: CommitmentsRepository,
    private readonly activities: ActivitiesRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly journal: CommitmentJournal,
    private readonly clock: Clock,
    @Inject(STRATEGY_REGISTRY) private readonly registry: StrategyRegistry,
  ) {}

  /**
   * Creates a card with its activities and indicators; returns its id. Inside the caller's
   * transaction when given one (a plan import); else in its own, where a retry with the same key
   * answers the first commitment's id.
   */
  async create(
    actor: Actor | null,
    planId: string,
    dto: CreateCommitmentDto,
    manager?: EntityManager,
    idempotencyKey: string | null = null,
  ): Promise<string> {
    assertRole(actor, RoleGroup.COORDINATION);
    assertDates(dto.startDate, dto.endDate, 'commitment');
    for (const a of dto.activities ?? []) assertDates(a.startDate, a.endDate, `activity "${a.title.ar}"`);
    assertKnownStrategy(this.registry, dto.trackingStrategy);
    const create = { command: CommitmentsRpc.createCommitment.subject, actorId: actor.id, idempotencyKey };
    return runCreate(this.dataSource, manager, create, (m) => this.insert(m, actor, planId, dto));
  }

  private async insert(m: EntityManager, actor: Actor, planId: string, dto: CreateCommitmentDto): Promise<string> {
    const area = await this.repository.areaOfPlan(m, dto.areaId, planId);
    if (!area) throw new DomainError(ErrorCode.NOT_FOUND, 'no such area in this plan');
    if (!(await this.repository.institutionExists(m, dto.leadInstitutionId)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such lead institution');
    await this.assertInstitutionsExist(m, dto.supportingInstitutionIds);
    if (await this.repository.numberTaken(m, planId, dto.number))
      throw new DomainError(ErrorCode.ALREADY_EXISTS, `commitment ${dto.number} exists in this plan`);
    const id = randomUUID();
    await this.repository.insert(m, {
      id,
      planId,
      areaId: dto.areaId,
      number: dto.number,
      title: dto.title,
      startDate: dto.startDate,
      endDate: dto.endDate,
      card: cardOf(dto),
      ogpValues: dto.ogpValues,
      leadInstitutionId: dto.leadInstitutionId,
      supportingInstitutionIds: dto.supportingInstitutionIds ?? [],
      trackingStrategy: dto.trackingStrategy ?? null,
      searchText: searchText(dto.number, dto.title),
    });
    const activities = dto.activities ?? [];
    const activityIds = await this.activities.insertMany(m, id, activities);
    await this.indicators.insertMany(m, id, dto.indicators ?? []);
    const row = await this.repository.lock(m, id);
    await this.journal.record(
      m,
      id,
      actor.id,
      {
        action: 'created',
        before: null,
        after: { number: dto.number, title: dto.title, activities: activityIds.length },
      },
      {
        contract: CommitmentsEvents.commitmentCreated,
        data: {
          ...eventBase(row),
          areaId: dto.areaId,
          areaTitle: area.title,
          startDate: dto.startDate,
          endDate: dto.endDate,
          activities: activityIds.map((aid, i) => ({
            id: aid,
            title: activities[i].title,
            endDate: activities[i].endDate,
          })),
        },
      },
    );
    await this.engine.recomputeLocal(m, row, actor.id);
    return id;
  }

  /** Every institution a card names must exist: an unknown id is a 404 and the card is not written. */
  private async assertInstitutionsExist(m: EntityManager, ids: string[] | undefined): Promise<void> {
    const missing = await this.repository.missingInstitutions(m, ids ?? []);
    if (missing.length)
      throw new DomainError(ErrorCode.NOT_FOUND, `no such supporting institution ${missing.join(', ')}`, { missing });
  }

  update(actor: Actor | null, id: string, dto: UpdateCommitmentDto): Promise<CommitmentView> {
    return this.runner.run(actor, id, RoleGroup.MANAGERS, async (m, row, who) => {
      const changed = changedFields(dto);
      if (changed.length === 0) throw invalidNothing();
      const current = editableCard(row);
      const start = dto.startDate ?? (current.startDate as string);
      const end = dto.endDate ?? (current.endDate as string);
      assertDates(start, end, 'commitment');
      await this.assertInstitutionsExist(m, dto.supportingInstitutionIds);
      const title = dto.title ?? row.title;
      await this.repository.updateCard(m, id, {
        title,
        startDate: start,
        endDate: end,
        card: { ...row.card, ...cardOf(dto) },
        ogpValues: dto.ogpValues ?? row.ogp_values,
        supportingInstitutionIds: dto.supportingInstitutionIds ?? row.supporting_institution_ids,
        searchText: searchText(row.number, title),
      });
      await this.journal.record(
        m,
        id,
        who.id,
        {
          action: 'card_updated',
          before: pick(current, changed),
          after: Object.fromEntries(changed.map((k) => [k, (dto as Record<string, unknown>)[k]])),
        },
        { contract: CommitmentsEvents.commitmentUpdated, data: { ...eventBase({ ...row, title }), changed } },
      );
      return false;
    });
  }

  /** For commitments tracked by hand: the project manager states the OGP level. */
  setManualLevel(actor: Actor | null, commitmentId: string, dto: ManualLevelDto): Promise<CommitmentView> {
    return this.runner.run(actor, commitmentId, RoleGroup.MANAGERS, async (m, row, who) => {
      await this.repository.setManualLevel(m, commitmentId, dto.level as CompletionLevel);
      await this.journal.record(m, commitmentId, who.id, {
        action: 'manual_level_set',
        before: { level: row.manual_level },
        after: { level: dto.level },
      });
      row.manual_level = dto.level as CompletionLevel;
    });
  }

  /** A coordinator overrides the derived completion level, with a reason, or removes the override. */
  overrideLevel(actor: Actor | null, commitmentId: string, dto: OverrideLevelDto): Promise<CommitmentView> {
    return this.runner.run(actor, commitmentId, RoleGroup.COORDINATION, async (m, row, who) => {
      const override: LevelOverride | null = dto.level
        ? { level: dto.level as CompletionLevel, reason: dto.reason, by: who.id, at: this.clock.now().toISOString() }
        : null;
      await this.repository.setLevelOverride(m, commitmentId, override);
      await this.journal.record(m, commitmentId, who.id, {
        action: 'completion_level_override',
        before: row.level_override,
        after: override ?? { removed: true, reason: dto.reason },
      });
      row.level_override = override;
    });
  }
}

const invalidNothing = () => invalidFields('nothing to change', { field: 'body', rule: 'nothingToChange' });
