import { Injectable } from '@nestjs/common';
import { CompletionLevel, CreateAreaDto, CreatePlanDto, Localized, PlanDashboard } from '@ogp/contracts';
import { preparedQuery } from '@ogp/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { scheduleFlags } from '../commitments/schedule-flags';
import { hasRow } from '../database/has-row';

export interface PlanRow {
  id: string;
  programme_id: string;
  code: string;
  title: Localized;
  start_date: string;
  end_date: string;
  status: string;
  /** Sum of its commitments' weighted progress, and of their weights. */
  ps: number;
  ws: number;
  /** Its areas in order, with their sums and commitment counts. */
  areas: AreaRow[];
}

export interface AreaRow {
  id: string;
  code: string;
  title: Localized;
  ps: number;
  ws: number;
  commitments: number;
}

export interface ActivityCounts {
  total: number;
  completed: number;
  overdue: number;
  commitments_with_overdue: number;
  overdue_ids: string[] | null;
}

export interface CommitmentCounts {
  total: number;
  late: number;
  on_time: number;
}

/** Plans and their areas, with the sums their progress is read from, and the dashboard's counts. */
@Injectable()
export class PlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  programmeExists(m: EntityManager, programmeId: string): Promise<boolean> {
    return hasRow(m, `SELECT id FROM programmes WHERE id = $1`, [programmeId]);
  }

  planExists(m: EntityManager, planId: string): Promise<boolean> {
    return hasRow(m, `SELECT id FROM plans WHERE id = $1`, [planId]);
  }

  planCodeTaken(m: EntityManager, programmeId: string, code: string): Promise<boolean> {
    return hasRow(m, `SELECT 1 FROM plans WHERE programme_id = $1 AND code = $2`, [programmeId, code]);
  }

  areaCodeTaken(m: EntityManager, planId: string, code: string): Promise<boolean> {
    return hasRow(m, `SELECT 1 FROM areas WHERE plan_id = $1 AND code = $2`, [planId, code]);
  }

  async insertPlan(m: EntityManager, id: string, dto: CreatePlanDto): Promise<void> {
    await m.query(
      `INSERT INTO plans (id, programme_id, code, title, start_date, end_date, status) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, dto.programmeId, dto.code, JSON.stringify(dto.title), dto.startDate, dto.endDate, dto.status ?? 'draft'],
    );
  }

  async insertArea(m: EntityManager, id: string, dto: CreateAreaDto): Promise<void> {
    await m.query(`INSERT INTO areas (id, plan_id, code, title, position) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      dto.planId,
      dto.code,
      JSON.stringify(dto.title),
      dto.position ?? 0,
    ]);
  }

  /** A plan with its areas, in one round trip (a prepared statement: the plan read follows every change). */
  async plan(m: EntityManager, id: string): Promise<PlanRow | undefined> {
    const [row] = await preparedQuery<PlanRow>(
      this.dataSource,
      m,
      'plan_with_areas',
      `SELECT pl.id, pl.programme_id, pl.code, pl.title, pl.start_date::text AS start_date, pl.end_date::text AS end_date, pl.status,
              pl.progress_sum::float8 AS ps, pl.weight_sum::float8 AS ws,
              (SELECT coalesce(json_agg(json_build_object('id', a.id, 'code', a.code, 'title', a.title, 'ps', a.progress_sum::float8, 'ws', a.weight_sum::float8,
                                                          'commitments', (SELECT count(*)::int FROM commitments c WHERE c.area_id = a.id))
                                        ORDER BY a.position, a.code), '[]')
                 FROM areas a WHERE a.plan_id = pl.id) AS areas
         FROM plans pl WHERE pl.id = $1`,
      [id],
    );
    return row;
  }

  /** The latest 50 plans of a programme. */
  async planIdsOf(m: EntityManager, programmeId: string): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT id FROM plans WHERE programme_id = $1 ORDER BY start_date DESC LIMIT 50`,
      [programmeId],
    );
    return rows.map((r) => r.id);
  }

  byInstitution(m: EntityManager, planId: string): Promise<PlanDashboard['byInstitution']> {
    return m.query<PlanDashboard['byInstitution']>(
      `SELECT i.id AS "institutionId", i.name, round(avg(c.progress), 2)::float8 AS progress, count(*)::int AS commitments
         FROM commitments c JOIN institutions i ON i.id = c.lead_institution_id WHERE c.plan_id = $1 GROUP BY i.id, i.name ORDER BY i.code`,
      [planId],
    );
  }

  levelCounts(m: EntityManager, planId: string): Promise<{ level: CompletionLevel; n: number }[]> {
    return m.query<{ level: CompletionLevel; n: number }[]>(
      `SELECT completion_level AS level, count(*)::int AS n FROM commitments WHERE plan_id = $1 GROUP BY completion_level`,
      [planId],
    );
  }

  /** Activity counts of a plan, overdue in each programme's "today" at `now`. */
  async activityCounts(m: EntityManager, planId: string, now: string): Promise<ActivityCounts> {
    const overdue = scheduleFlags.activityOverdue('$2');
    const [row] = await m.query<ActivityCounts[]>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE ${overdue})::int AS overdue,
              count(DISTINCT a.commitment_id) FILTER (WHERE ${overdue})::int AS commitments_with_overdue,
              array_agg(DISTINCT a.commitment_id) FILTER (WHERE ${overdue}) AS overdue_ids
         FROM activities a JOIN commitments c ON c.id = a.commitment_id JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id
        WHERE c.plan_id = $1 AND a.removed_at IS NULL`,
      [planId, now],
    );
    return row;
  }

  /** Commitment counts of a plan: late at `now`, and on time (neither late nor among `overdueIds`). */
  async commitmentCounts(
    m: EntityManager,
    planId: string,
    now: string,
    overdueIds: string[],
  ): Promise<CommitmentCounts> {
    const [row] = await m.query<CommitmentCounts[]>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE late)::int AS late,
              count(*) FILTER (WHERE NOT late AND NOT (c_id = ANY($3::uuid[])))::int AS on_time
         FROM (SELECT c.id AS c_id, ${scheduleFlags.late('$2')} AS late
                 FROM commitments c JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id WHERE c.plan_id = $1) per`,
      [planId, now, overdueIds],
    );
    return row;
  }
}
