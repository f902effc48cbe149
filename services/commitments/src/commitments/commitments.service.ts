import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope } from '@ogp/auth';
import {
  ActivityDto,
  AddActivityDto,
  boundPage,
  CommitmentSnapshot,
  CommitmentView,
  CommunicationDto,
  CreateCommitmentDto,
  DomainError,
  ErrorCode,
  IndicatorDto,
  IndicatorValueDto,
  invalidFields,
  ManualLevelDto,
  OverrideLevelDto,
  PlanEvents,
  ReportProgressDto,
  SetStrategyDto,
  SetWeightsDto,
  UpdateCommitmentDto,
} from '@ogp/contracts';
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { StrategyRegistry, today } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { recordChange } from '../programmes/change-history';
import { CommitmentRow, eventBase, SqlRow } from '../progress/commitment-row';
import { ProgressEngine, STRATEGY_REGISTRY } from '../progress/progress-engine';
import { normalizeForSearch } from '@ogp/runtime';
import { storeEvidenceFile } from '../progress/evidence-file';
import { CommitmentViews } from './commitment-views';
import { assertCommitmentExists } from './assert-commitment';

const STAFF = ['coordinator', 'admin'] as const;
const MANAGERS = ['project_manager', 'coordinator', 'admin'] as const;
const CARD_FIELDS = [
  'description',
  'goal',
  'expectedResults',
  'problem',
  'solution',
  'department',
  'cost',
  'otherProgrammes',
  'sdgs',
  'contact',
] as const;

export function assertDates(start: string, end: string, what: string): void {
  if (end < start)
    throw invalidFields(`${what}: end date is before start date`, {
      field: 'endDate',
      rule: 'notBefore',
      args: ['startDate'],
    });
}

/** Every institution a card names must exist: an unknown id is a 404 and the card is not written. */
async function assertInstitutionsExist(m: EntityManager, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const known: { id: string }[] = await m.query(`SELECT id FROM institutions WHERE id = ANY($1::uuid[])`, [ids]);
  const missing = ids.filter((id) => !known.some((k) => k.id === id));
  if (missing.length)
    throw new DomainError(ErrorCode.NOT_FOUND, `no such supporting institution ${missing.join(', ')}`, { missing });
}

export function searchText(number: number, title: { ar: string; fr?: string; en?: string }): string {
  return normalizeForSearch([String(number), title.ar, title.fr, title.en].filter(Boolean).join(' '));
}

export function cardOf(dto: Partial<Record<(typeof CARD_FIELDS)[number], unknown>>): Record<string, unknown> {
  const card: Record<string, unknown> = {};
  for (const field of CARD_FIELDS) if (dto[field] !== undefined) card[field] = dto[field];
  return card;
}

/** Commands on commitment cards and their tracking; scope is checked here, by institution. */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly engine: ProgressEngine,
    private readonly views: CommitmentViews,
    private readonly clock: Clock,
    @Inject(STRATEGY_REGISTRY) private readonly registry: StrategyRegistry,
  ) {}

  /** Runs a command on one locked commitment, then a remote recompute if its strategy is remote. */
  private async onCommitment(
    actor: Actor | null,
    commitmentId: string,
    roles: readonly (typeof MANAGERS)[number][],
    change: (m: EntityManager, row: CommitmentRow, actor: Actor) => Promise<boolean | void>,
  ): Promise<CommitmentView> {
    assertRole(actor, roles);
    let remote = false;
    await this.dataSource.transaction(async (m) => {
      const row = await this.engine.lock(m, commitmentId);
      assertScope(actor, roles, { institutionId: row.lead_institution_id });
      const recompute = await change(m, row, actor);
      if (recompute !== false) {
        await m.query(`UPDATE commitments SET version = version + 1, updated_at = now() WHERE id = $1`, [row.id]);
        row.version += 1;
        remote = !(await this.engine.recomputeLocal(m, row, actor.id));
      }
    });
    if (remote) await this.engine.recomputeRemote(commitmentId, actor!.id);
    return this.views.get(commitmentId);
  }

  async create(
    actor: Actor | null,
    planId: string,
    dto: CreateCommitmentDto,
    manager?: EntityManager,
  ): Promise<string> {
    assertRole(actor, STAFF);
    assertDates(dto.startDate, dto.endDate, 'commitment');
    for (const a of dto.activities ?? []) assertDates(a.startDate, a.endDate, `activity "${a.title.ar}"`);
    if (dto.trackingStrategy && !this.registry.isKnown(dto.trackingStrategy))
      throw invalidFields(`unknown tracking strategy ${dto.trackingStrategy}`, {
        field: 'trackingStrategy',
        rule: 'unknownStrategy',
        args: [dto.trackingStrategy],
      });
    const run = async (m: EntityManager) => {
      const [area] = await m.query(`SELECT a.id FROM areas a WHERE a.id = $1 AND a.plan_id = $2`, [dto.areaId, planId]);
      if (!area) throw new DomainError(ErrorCode.NOT_FOUND, 'no such area in this plan');
      const [institution] = await m.query(`SELECT id FROM institutions WHERE id = $1`, [dto.leadInstitutionId]);
      if (!institution) throw new DomainError(ErrorCode.NOT_FOUND, 'no such lead institution');
      await assertInstitutionsExist(m, dto.supportingInstitutionIds);
      const [taken] = await m.query(`SELECT 1 FROM commitments WHERE plan_id = $1 AND number = $2`, [
        planId,
        dto.number,
      ]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `commitment ${dto.number} exists in this plan`);
      const id = randomUUID();
      await m.query(
        `INSERT INTO commitments (id, plan_id, area_id, number, title, start_date, end_date, card, ogp_values, lead_institution_id, supporting_institution_ids, tracking_strategy, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          planId,
          dto.areaId,
          dto.number,
          JSON.stringify(dto.title),
          dto.startDate,
          dto.endDate,
          JSON.stringify(cardOf(dto)),
          dto.ogpValues,
          dto.leadInstitutionId,
          dto.supportingInstitutionIds ?? [],
          dto.trackingStrategy ?? null,
          searchText(dto.number, dto.title),
        ],
      );
      await m.query(`UPDATE areas SET weight_sum = weight_sum + 1 WHERE id = $1`, [dto.areaId]);
      await m.query(`UPDATE plans SET weight_sum = weight_sum + 1 WHERE id = $1`, [planId]);
      const activityIds = await this.insertActivities(m, id, dto.activities ?? []);
      await this.insertIndicators(m, id, dto.indicators ?? []);
      const row = await this.engine.lock(m, id);
      const [areaRow] = await m.query(`SELECT title FROM areas WHERE id = $1`, [dto.areaId]);
      await recordChange(m, {
        entityType: 'commitment',
        entityId: id,
        action: 'created',
        actorId: actor!.id,
        before: null,
        after: { number: dto.number, title: dto.title, activities: activityIds.length },
      });
      await this.outbox.add(m, PlanEvents.commitmentCreated, {
        aggregate: { type: 'commitment', id },
        data: {
          ...eventBase(row),
          areaId: dto.areaId,
          areaTitle: areaRow.title,
          startDate: dto.startDate,
          endDate: dto.endDate,
          activities: activityIds.map((aid, i) => ({
            id: aid,
            title: dto.activities![i].title,
            endDate: dto.activities![i].endDate,
          })),
        },
        actorId: actor!.id,
      });
      await this.engine.recomputeLocal(m, row, actor!.id);
      return id;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  private async insertActivities(
    m: EntityManager,
    commitmentId: string,
    activities: ActivityDto[],
    startPosition = 0,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, a] of activities.entries()) {
      const id = randomUUID();
      ids.push(id);
      await m.query(
        `INSERT INTO activities (id, commitment_id, position, title, start_date, end_date, weight, responsible) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          commitmentId,
          startPosition + i,
          JSON.stringify(a.title),
          a.startDate,
          a.endDate,
          a.weight ?? null,
          a.responsible ?? null,
        ],
      );
    }
    return ids;
  }

  private async insertIndicators(m: EntityManager, commitmentId: string, indicators: IndicatorDto[]): Promise<void> {
    for (const [position, ind] of indicators.entries()) {
      await m.query(
        `INSERT INTO indicators (id, commitment_id, position, title, unit, baseline, target, current) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          commitmentId,
          position,
          JSON.stringify(ind.title),
          ind.unit ?? null,
          ind.baseline,
          ind.target,
          ind.current ?? null,
        ],
      );
    }
  }

  update(actor: Actor | null, id: string, dto: UpdateCommitmentDto): Promise<CommitmentView> {
    return this.onCommitment(actor, id, MANAGERS, async (m, row, who) => {
      const changed = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined && k !== 'id');
      if (changed.length === 0) throw invalidFields('nothing to change', { field: 'body', rule: 'nothingToChange' });
      const start = dto.startDate ?? row.start_date.toISOString().slice(0, 10);
      const end = dto.endDate ?? row.end_date.toISOString().slice(0, 10);
      assertDates(start, end, 'commitment');
      await assertInstitutionsExist(m, dto.supportingInstitutionIds);
      const card = { ...row.card, ...cardOf(dto) };
      const title = dto.title ?? row.title;
      await m.query(
        `UPDATE commitments SET title = $2, start_date = $3, end_date = $4, card = $5, ogp_values = $6, supporting_institution_ids = $7, search_text = $8 WHERE id = $1`,
        [
          id,
          JSON.stringify(title),
          start,
          end,
          JSON.stringify(card),
          dto.ogpValues ?? row.ogp_values,
          dto.supportingInstitutionIds ?? row.supporting_institution_ids,
          searchText(row.number, title),
        ],
      );
      const current: Record<string, unknown> = {
        ...row.card,
        title: row.title,
        startDate: row.start_date.toISOString().slice(0, 10),
        endDate: row.end_date.toISOString().slice(0, 10),
        ogpValues: row.ogp_values,
        supportingInstitutionIds: row.supporting_institution_ids,
      };
      const before = Object.fromEntries(changed.map((k) => [k, current[k] ?? null]));
      await recordChange(m, {
        entityType: 'commitment',
        entityId: id,
        action: 'card_updated',
        actorId: who.id,
        before,
        after: Object.fromEntries(changed.map((k) => [k, (dto as Record<string, unknown>)[k]])),
      });
      await this.outbox.add(m, PlanEvents.commitmentUpdated, {
        aggregate: { type: 'commitment', id },
        data: { ...eventBase({ ...row, title }), changed },
        actorId: who.id,
      });
      return false;
    });
  }

  addActivity(actor: Actor | null, commitmentId: string, dto: AddActivityDto): Promise<CommitmentView> {
    assertDates(dto.startDate, dto.endDate, 'activity');
    return this.onCommitment(actor, commitmentId, MANAGERS, async (m, row, who) => {
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM activities WHERE commitment_id = $1`, [
        commitmentId,
      ]);
      if (n >= 500) throw new DomainError(ErrorCode.CONFLICT, 'a commitment holds at most 500 activities');
      const [activityId] = await this.insertActivities(m, commitmentId, [dto], n);
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'activity_added',
        actorId: who.id,
        before: null,
        after: { activityId, title: dto.title, weight: dto.weight ?? null },
      });
      await this.outbox.add(m, PlanEvents.activityAdded, {
        aggregate: { type: 'commitment', id: commitmentId },
        data: { ...eventBase(row), activityId, title: dto.title, endDate: dto.endDate },
        actorId: who.id,
      });
    });
  }

  removeActivity(actor: Actor | null, commitmentId: string, activityId: string): Promise<CommitmentView> {
    return this.onCommitment(actor, commitmentId, MANAGERS, async (m, row, who) => {
      const [activity] = await m
        .query(
          `UPDATE activities SET removed_at = now() WHERE id = $1 AND commitment_id = $2 AND removed_at IS NULL RETURNING id, title`,
          [activityId, commitmentId],
        )
        .then((r) => r[0] ?? []);
      if (!activity) throw new DomainError(ErrorCode.NOT_FOUND, 'no such activity in this commitment');
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'activity_removed',
        actorId: who.id,
        before: { activityId, title: activity.title },
        after: null,
      });
      await this.outbox.add(m, PlanEvents.activityRemoved, {
        aggregate: { type: 'commitment', id: commitmentId },
        data: { ...eventBase(row), activityId },
        actorId: who.id,
      });
    });
  }

  setWeights(actor: Actor | null, commitmentId: string, dto: SetWeightsDto): Promise<CommitmentView> {
    return this.onCommitment(actor, commitmentId, MANAGERS, async (m, row, who) => {
      const ids = dto.weights.map((w) => w.activityId);
      if (new Set(ids).size !== ids.length)
        throw invalidFields('an activity appears twice', { field: 'weights', rule: 'duplicate' });
      const current: { id: string; weight: number | null }[] = await m.query(
        `SELECT id, weight::float8 AS weight FROM activities WHERE commitment_id = $1 AND removed_at IS NULL AND id = ANY($2::uuid[])`,
        [commitmentId, ids],
      );
      if (current.length !== ids.length)
        throw new DomainError(ErrorCode.NOT_FOUND, 'an activity is not part of this commitment');
      const before = new Map(current.map((c) => [c.id, c.weight]));
      for (const w of dto.weights)
        await m.query(`UPDATE activities SET weight = $2 WHERE id = $1`, [w.activityId, w.weight ?? null]);
      const weights = dto.weights.map((w) => ({
        activityId: w.activityId,
        before: before.get(w.activityId) ?? null,
        after: w.weight ?? null,
      }));
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'weights_changed',
        actorId: who.id,
        before: weights.map((w) => ({ activityId: w.activityId, weight: w.before })),
        after: weights.map((w) => ({ activityId: w.activityId, weight: w.after })),
      });
      await this.outbox.add(m, PlanEvents.weightsChanged, {
        aggregate: { type: 'commitment', id: commitmentId },
        data: { ...eventBase(row), weights },
        actorId: who.id,
      });
    });
  }

  reportProgress(
    actor: Actor | null,
    commitmentId: string,
    dto: ReportProgressDto,
    idempotencyKey: string | null = null,
  ): Promise<CommitmentView> {
    if (dto.progress === undefined && dto.done === undefined)
      throw invalidFields('give progress (0-100) or done', { field: 'progress', rule: 'required' });
    const progress = dto.done ? 100 : dto.progress!;
    return this.onCommitment(actor, commitmentId, MANAGERS, async (m, row, who) => {
      // A retry of a report already stored (its answer was lost) changes nothing: the key is kept with the report.
      let fresh = false;
      await runIdempotent(
        m,
        idempotencyKey && `${who.id}:${idempotencyKey}`,
        'commitments.progress.report',
        async () => {
          fresh = true;
          await this.storeProgress(m, row, who, commitmentId, dto, progress);
          return null;
        },
      );
      return fresh ? undefined : false;
    });
  }

  private async storeProgress(
    m: EntityManager,
    row: CommitmentRow,
    who: Actor,
    commitmentId: string,
    dto: ReportProgressDto,
    progress: number,
  ): Promise<void> {
    if (dto.reportedOn > today(this.clock, row.time_zone))
      throw invalidFields('a report cannot be dated in the future', { field: 'reportedOn', rule: 'notInFuture' });
    const [activity] = await m.query(
      `SELECT id, title, progress::float8 AS progress, status FROM activities WHERE id = $1 AND commitment_id = $2 AND removed_at IS NULL`,
      [dto.activityId, commitmentId],
    );
    if (!activity) throw new DomainError(ErrorCode.NOT_FOUND, 'no such activity in this commitment');
    const reportId = randomUUID();
    await m.query(
      `INSERT INTO progress_reports (id, commitment_id, activity_id, progress, reported_on, results, evidence, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        reportId,
        commitmentId,
        dto.activityId,
        progress,
        dto.reportedOn,
        dto.results ? JSON.stringify(dto.results) : null,
        JSON.stringify(dto.evidence ?? []),
        who.id,
      ],
    );
    const files = [];
    for (const file of dto.files ?? []) files.push(await storeEvidenceFile(m, reportId, file));
    if (files.length)
      await m.query(`UPDATE progress_reports SET evidence = evidence || $2::jsonb WHERE id = $1`, [
        reportId,
        JSON.stringify(
          files.map((f) => ({ fileId: f.id, name: f.name, type: f.type, size: f.size, sha256: f.sha256 })),
        ),
      ]);
    const status = progress >= 100 ? 'completed' : progress > 0 ? 'in_progress' : 'not_started';
    await m.query(`UPDATE activities SET progress = $2, status = $3 WHERE id = $1`, [dto.activityId, progress, status]);
    await m.query(`UPDATE commitments SET last_report_at = now() WHERE id = $1`, [commitmentId]);
    await recordChange(m, {
      entityType: 'commitment',
      entityId: commitmentId,
      action: 'progress_reported',
      actorId: who.id,
      before: { activityId: dto.activityId, progress: activity.progress, status: activity.status },
      after: { activityId: dto.activityId, progress, status, reportId },
    });
    await this.outbox.add(m, PlanEvents.progressReported, {
      aggregate: { type: 'commitment', id: commitmentId },
      data: {
        ...eventBase(row),
        reportId,
        results: dto.results ?? null,
        activityId: dto.activityId,
        activityTitle: activity.title,
        progress,
        reportedOn: dto.reportedOn,
        reportedBy: who.id,
      },
      actorId: who.id,
    });
  }

  setIndicator(actor: Actor | null, commitmentId: string, dto: IndicatorValueDto): Promise<CommitmentView> {
    return this.onCommitment(actor, commitmentId, MANAGERS, async (m, _row, who) => {
      const [before] = await m.query(
        `SELECT current::float8 AS current, baseline::float8 AS baseline, target::float8 AS target FROM indicators WHERE id = $1 AND commitment_id = $2`,
        [dto.indicatorId, commitmentId],
      );
      if (!before) throw new DomainError(ErrorCode.NOT_FOUND, 'no such indicator in this commitment');
      const after = {
        current: dto.current,
        baseline: dto.baseline ?? before.baseline,
        target: dto.target ?? before.target,
      };
      await m.query(
        `UPDATE indicators SET current = $2, baseline = $3, target = $4, updated_at = now() WHERE id = $1`,
        [dto.indicatorId, after.current, after.baseline, after.target],
      );
      await m.query(`UPDATE commitments SET last_report_at = now() WHERE id = $1`, [commitmentId]);
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'indicator_measured',
        actorId: who.id,
        before: { indicatorId: dto.indicatorId, ...before },
        after: { indicatorId: dto.indicatorId, ...after },
      });
    });
  }

  /** For commitments tracked by hand: the project manager states the OGP level. */
  setManualLevel(actor: Actor | null, commitmentId: string, dto: ManualLevelDto): Promise<CommitmentView> {
    return this.onCommitment(actor, commitmentId, MANAGERS, async (m, row, who) => {
      await m.query(`UPDATE commitments SET manual_level = $2, last_report_at = now() WHERE id = $1`, [
        commitmentId,
        dto.level,
      ]);
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'manual_level_set',
        actorId: who.id,
        before: { level: row.manual_level },
        after: { level: dto.level },
      });
      row.manual_level = dto.level;
    });
  }

  /** A coordinator overrides the derived completion level, with a reason, or removes the override. */
  overrideLevel(actor: Actor | null, commitmentId: string, dto: OverrideLevelDto): Promise<CommitmentView> {
    return this.onCommitment(actor, commitmentId, STAFF, async (m, row, who) => {
      const override = dto.level
        ? { level: dto.level, reason: dto.reason, by: who.id, at: this.clock.now().toISOString() }
        : null;
      await m.query(`UPDATE commitments SET level_override = $2 WHERE id = $1`, [
        commitmentId,
        override ? JSON.stringify(override) : null,
      ]);
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'completion_level_override',
        actorId: who.id,
        before: row.level_override,
        after: override ?? { removed: true, reason: dto.reason },
      });
      row.level_override = override;
    });
  }

  /** Chooses a strategy for a programme, an institution or one commitment, and recomputes what it governs. */
  async setStrategy(actor: Actor | null, dto: SetStrategyDto): Promise<{ recomputed: number }> {
    assertRole(actor, STAFF);
    if (dto.strategy && !this.registry.isKnown(dto.strategy))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `unknown tracking strategy ${dto.strategy}`, {
        known: this.registry.keys(),
        issues: [{ field: 'strategy', rule: 'unknownStrategy', args: [dto.strategy] }],
      });
    const table = { programme: 'programmes', institution: 'institutions', commitment: 'commitments' }[dto.target];
    const scope = { programme: 'pl.programme_id', institution: 'c.lead_institution_id', commitment: 'c.id' }[
      dto.target
    ];
    const ids: string[] = await this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT tracking_strategy FROM ${table} WHERE id = $1 FOR UPDATE`, [dto.id]);
      if (!before) throw new DomainError(ErrorCode.NOT_FOUND, `no such ${dto.target}`);
      await m.query(`UPDATE ${table} SET tracking_strategy = $2 WHERE id = $1`, [dto.id, dto.strategy ?? null]);
      await recordChange(m, {
        entityType: dto.target,
        entityId: dto.id,
        action: 'tracking_strategy_set',
        actorId: actor.id,
        before: { strategy: before.tracking_strategy },
        after: { strategy: dto.strategy ?? null },
      });
      return (
        await m.query(`SELECT c.id FROM commitments c JOIN plans pl ON pl.id = c.plan_id WHERE ${scope} = $1`, [dto.id])
      ).map((r: { id: string }) => r.id);
    });
    for (const id of ids) {
      const remote = await this.dataSource.transaction(async (m) => {
        const row = await this.engine.lock(m, id);
        await m.query(`UPDATE commitments SET version = version + 1 WHERE id = $1`, [id]);
        row.version += 1;
        return !(await this.engine.recomputeLocal(m, row, actor.id));
      });
      if (remote) await this.engine.recomputeRemote(id, actor.id);
    }
    return { recomputed: ids.length };
  }

  async addCommunication(actor: Actor | null, commitmentId: string, dto: CommunicationDto): Promise<{ id: string }> {
    const id = randomUUID();
    await this.onCommitment(actor, commitmentId, MANAGERS, async (m, row, who) => {
      await m.query(
        `INSERT INTO communication_activities (id, commitment_id, kind, title, happened_on, link, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, commitmentId, dto.kind, JSON.stringify(dto.title), dto.happenedOn, dto.link ?? null, who.id],
      );
      await recordChange(m, {
        entityType: 'commitment',
        entityId: commitmentId,
        action: 'communication_reported',
        actorId: who.id,
        before: null,
        after: { id, kind: dto.kind, title: dto.title },
      });
      await this.outbox.add(m, PlanEvents.communicationReported, {
        aggregate: { type: 'commitment', id: commitmentId },
        data: { ...eventBase(row), kind: dto.kind },
        actorId: who.id,
      });
      return false;
    });
    return { id };
  }

  /** A page of commitments with their activities, for another service's read model rebuild. */
  async snapshot(after: string | undefined, limit: number): Promise<CommitmentSnapshot[]> {
    const rows = await this.dataSource.query(
      `SELECT c.id, pl.programme_id, c.plan_id, c.area_id, ar.title AS area_title, c.lead_institution_id, c.number, c.title,
              c.start_date::text AS start_date, c.end_date::text AS end_date, c.progress::float8 AS progress, c.completion_level, c.last_report_at
         FROM commitments c JOIN plans pl ON pl.id = c.plan_id JOIN areas ar ON ar.id = c.area_id
        WHERE ($1::uuid IS NULL OR c.id > $1::uuid) ORDER BY c.id LIMIT $2`,
      [after ?? null, Math.min(Math.max(limit, 1), 500)],
    );
    const activities: SqlRow[] = rows.length
      ? await this.dataSource.query(
          `SELECT id, commitment_id, title, end_date::text AS end_date, progress::float8 AS progress, status FROM activities WHERE commitment_id = ANY($1::uuid[]) AND removed_at IS NULL`,
          [rows.map((r: SqlRow) => r.id)],
        )
      : [];
    return rows.map((r: SqlRow) => ({
      id: r.id,
      programmeId: r.programme_id,
      planId: r.plan_id,
      areaId: r.area_id,
      areaTitle: r.area_title,
      institutionId: r.lead_institution_id,
      number: r.number,
      title: r.title,
      startDate: r.start_date,
      endDate: r.end_date,
      progress: r.progress,
      completionLevel: r.completion_level,
      lastReportAt: r.last_report_at ? new Date(r.last_report_at).toISOString() : null,
      activities: activities
        .filter((a) => a.commitment_id === r.id)
        .map((a) => ({ id: a.id, title: a.title, endDate: a.end_date, progress: a.progress, status: a.status })),
    }));
  }

  /** An evidence file, public like the report it supports. */
  async evidenceFile(id: string): Promise<{ name: string; type: string; content: string }> {
    const [file] = await this.dataSource.query(
      `SELECT name, type, encode(content, 'base64') AS content FROM evidence_files WHERE id = $1`,
      [id],
    );
    if (!file) throw new DomainError(ErrorCode.NOT_FOUND, 'no such evidence file');
    return file;
  }

  /** Reports of a commitment with their evidence, newest first. */
  async reports(commitmentId: string, page: { limit?: number; offset?: number }) {
    const { limit, offset } = boundPage(page);
    await assertCommitmentExists(this.dataSource, commitmentId);
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM progress_reports WHERE commitment_id = $1`,
      [commitmentId],
    );
    const items = await this.dataSource.query(
      `SELECT id, activity_id AS "activityId", progress::float8 AS progress, reported_on::text AS "reportedOn", results, evidence, reported_by AS "reportedBy", created_at AS "createdAt"
         FROM progress_reports WHERE commitment_id = $1 ORDER BY seq DESC LIMIT $2 OFFSET $3`,
      [commitmentId, limit, offset],
    );
    return { items, total, limit, offset };
  }

  async listCommunications(commitmentId: string) {
    await assertCommitmentExists(this.dataSource, commitmentId);
    const rows = await this.dataSource.query(
      `SELECT id, kind, title, happened_on::text AS "happenedOn", link FROM communication_activities WHERE commitment_id = $1 ORDER BY happened_on DESC, id LIMIT 200`,
      [commitmentId],
    );
    return rows;
  }
}
