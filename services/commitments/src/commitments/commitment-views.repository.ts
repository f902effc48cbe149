import { Injectable } from '@nestjs/common';
import { CommitmentQueryDto, CommitmentView, CompletionLevel, DomainError, ErrorCode, Localized } from '@ogp/contracts';
import { preparedQuery, ReadWithCommit, readWithCommit } from '@ogp/persistence';
import { normalizeForSearch } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { StrategyChoices } from '../tracking/strategy-source';
import { LevelOverride } from './commitment-row';
import { scheduleFlags } from './schedule-flags';

/** A commitment as lists show it, with its schedule flags computed in its programme's "today". */
export interface CommitmentSummaryRow {
  id: string;
  plan_id: string;
  area_id: string;
  number: number;
  title: Localized;
  lead_institution_id: string;
  start_date: string;
  end_date: string;
  progress: number;
  completion_level: CompletionLevel;
  progress_stale: boolean;
  stale_reason: string | null;
  today: string;
  late: boolean;
  reporting_period_days: number;
  overdue_activities: number;
}

export interface ActivityCardRow {
  id: string;
  title: Localized;
  start_date: string;
  end_date: string;
  weight: number | null;
  responsible: string | null;
  status: string;
  progress: number;
}

export type IndicatorCardRow = CommitmentView['indicators'][number];

/** The card with its live activities (in order) and its indicators, read in one statement. */
export interface CommitmentCardRow extends CommitmentSummaryRow, StrategyChoices {
  card: Record<string, unknown>;
  ogp_values: string[];
  supporting_institution_ids: string[];
  progress_explanation: string | null;
  level_override: LevelOverride | null;
  last_report_at: Date | null;
  activities: ActivityCardRow[];
  indicators: IndicatorCardRow[];
}

export type CommitmentFilter = Pick<
  CommitmentQueryDto,
  'planId' | 'areaId' | 'institutionId' | 'completionLevel' | 'status' | 'q'
>;

/** `$1` is the clock's instant: each programme turns it into its own "today". */
function summarySql(where: string): string {
  return `SELECT c.id, c.plan_id, c.area_id, c.number, c.title, c.lead_institution_id, c.start_date::text AS start_date, c.end_date::text AS end_date,
                   c.progress::float8 AS progress, c.completion_level, c.progress_stale, c.stale_reason,
                   ${scheduleFlags.today('$1')}::text AS today,
                   ${scheduleFlags.late('$1')} AS late, p.reporting_period_days,
                   (SELECT count(*)::int FROM activities a WHERE a.commitment_id = c.id AND a.removed_at IS NULL AND ${scheduleFlags.activityOverdue('$1')}) AS overdue_activities
              FROM commitments c JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id
             ${where}`;
}

/**
 * The statement reading the cards of up to `size` commitments, named `$2`...: `c.id = $2` for one,
 * `c.id IN ($2, ..., $n)` for more (a batch is padded to the next size with its first id). Postgres
 * gives such a statement a generic plan after five runs, as it estimates as many rows as it names;
 * `c.id = ANY($2::uuid[])` was planned afresh on every run (0 generic plans in 402 runs: an array
 * of unknown length makes the generic plan look dearer), and planning it costs more than running it.
 */
function cardsSql(size: number): string {
  const ids = Array.from({ length: size }, (_, i) => `$${i + 2}::uuid`);
  const where = size === 1 ? `WHERE c.id = ${ids[0]}` : `WHERE c.id IN (${ids.join(', ')})`;
  return `SELECT s.*, c.card, c.ogp_values, c.supporting_institution_ids, c.tracking_strategy, c.progress_explanation, c.level_override, c.last_report_at,
              p.tracking_strategy AS programme_strategy, i.tracking_strategy AS institution_strategy,
              (SELECT coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'start_date', a.start_date::text, 'end_date', a.end_date::text,
                                                          'weight', a.weight::float8, 'responsible', a.responsible, 'status', a.status, 'progress', a.progress::float8)
                                        ORDER BY a.position, a.created_at), '[]')
                 FROM activities a WHERE a.commitment_id = c.id AND a.removed_at IS NULL) AS activities,
              (SELECT coalesce(json_agg(json_build_object('id', n.id, 'title', n.title, 'unit', n.unit, 'baseline', n.baseline::float8,
                                                          'target', n.target::float8, 'current', n.current::float8)
                                        ORDER BY n.position, n.id), '[]')
                 FROM indicators n WHERE n.commitment_id = c.id) AS indicators
         FROM (${summarySql(where)}) s
         JOIN commitments c ON c.id = s.id JOIN plans pl ON pl.id = c.plan_id JOIN programmes p ON p.id = pl.programme_id
         JOIN institutions i ON i.id = c.lead_institution_id`;
}

/** The batch sizes with a statement of their own (the last is the most one statement reads). */
const CARD_BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64, 100] as const;
const CARD_STATEMENTS = new Map(CARD_BATCH_SIZES.map((size) => [size, cardsSql(size)]));

/** The statement for `ids`, and its values: the instant, then the ids padded to its size. */
function cardStatement(now: string, ids: string[]): { name: string; text: string; values: string[] } {
  const size = CARD_BATCH_SIZES.find((s) => s >= ids.length);
  if (size === undefined) throw new Error(`${ids.length} cards in one statement: at most ${CARD_BATCH_MAX}`);
  const padded = [...ids, ...Array<string>(size - ids.length).fill(ids[0])];
  return { name: `commitment_cards_${size}`, text: CARD_STATEMENTS.get(size)!, values: [now, ...padded] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most cards one statement reads; more requests in the same turn open another batch. */
const CARD_BATCH_MAX = CARD_BATCH_SIZES[CARD_BATCH_SIZES.length - 1];

interface CardBatch {
  /** The latest instant of the requests in the batch (each programme turns it into its "today"). */
  now: string;
  waiting: Map<string, { resolve: (row: CommitmentCardRow | undefined) => void; reject: (err: unknown) => void }[]>;
  sent: boolean;
}

/** The public reads of commitments: filtered pages and the card. */
@Injectable()
export class CommitmentViewsRepository {
  private batch: CardBatch | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** The commitments of a plan, area or institution that does not exist are a 404, not an empty page. */
  async assertFilterTargetsExist(filter: CommitmentFilter): Promise<void> {
    for (const [table, id, what] of [
      ['plans', filter.planId, 'plan'],
      ['areas', filter.areaId, 'area'],
      ['institutions', filter.institutionId, 'institution'],
    ] as const) {
      if (!id) continue;
      const [found] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
      if (!found) throw new DomainError(ErrorCode.NOT_FOUND, `no such ${what}`);
    }
  }

  async page(
    filter: CommitmentFilter,
    now: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: CommitmentSummaryRow[]; total: number }> {
    const params: unknown[] = [now];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.planId) add('c.plan_id = ?', filter.planId);
    if (filter.areaId) add('c.area_id = ?', filter.areaId);
    if (filter.institutionId)
      add('(c.lead_institution_id = ? OR ? = ANY(c.supporting_institution_ids))', filter.institutionId);
    if (filter.completionLevel) add('c.completion_level = ?', filter.completionLevel);
    if (filter.status === 'active' || filter.status === 'withdrawn') add('c.status = ?', filter.status);
    if (filter.q)
      add(
        `c.search_text LIKE '%' || ? || '%'`,
        normalizeForSearch(filter.q).replace(/[%_\\]/g, (m) => `\\${m}`),
      );
    const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    let sql = `SELECT * FROM (${summarySql(filterSql)}) s`;
    if (filter.status === 'late') sql += ' WHERE s.late';
    if (filter.status === 'overdue') sql += ' WHERE s.overdue_activities > 0';
    if (filter.status === 'on_track') sql += ' WHERE NOT s.late AND s.overdue_activities = 0';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM (${sql}) t`,
      params,
    );
    const rows = await this.dataSource.query<CommitmentSummaryRow[]>(
      `${sql} ORDER BY s.number, s.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows, total };
  }

  // The hottest read of the service: a prepared statement (planning this join cost more than running
  // it), the activities and indicators aggregated beside the card; outside a transaction, the cards
  // asked for in the same turn of the event loop are read by one statement (send).
  async card(manager: EntityManager, id: string, now: string): Promise<CommitmentCardRow | undefined> {
    if (!UUID.test(id)) return undefined;
    if (manager !== this.dataSource.manager) {
      // Inside a transaction: its own statement, which sees the transaction's writes.
      const { name, text, values } = cardStatement(now, [id]);
      const [row] = await preparedQuery<CommitmentCardRow>(manager, name, text, values);
      return row;
    }
    return new Promise((resolve, reject) => {
      let batch = this.batch;
      if (batch && batch.waiting.size >= CARD_BATCH_MAX && !batch.waiting.has(id)) {
        this.send(batch);
        batch = null;
      }
      if (!batch) {
        const created: CardBatch = { now, waiting: new Map(), sent: false };
        this.batch = batch = created;
        setImmediate(() => this.send(created));
      }
      if (now > batch.now) batch.now = now;
      const waiting = batch.waiting.get(id);
      if (waiting) waiting.push({ resolve, reject });
      else batch.waiting.set(id, [{ resolve, reject }]);
    });
  }

  /**
   * The card read in the closing round trip of a transaction opened with its commitment's lock where
   * it can be (see readWithCommit), else at once in the transaction: either way it sees the
   * transaction's writes. Its row is there once the transaction committed.
   */
  cardWithCommit(manager: EntityManager, id: string, now: string): Promise<ReadWithCommit> {
    const { name, text, values } = cardStatement(now, [id]);
    return readWithCommit(manager, name, text, values);
  }

  /**
   * One statement for every card asked for since the batch opened (the requests that arrived in the
   * same turn of the event loop): each request is answered by a statement that started after it
   * arrived, so nothing is older than an uncached read; N requests cost one round trip, not N.
   */
  private send(batch: CardBatch): void {
    if (batch.sent) return;
    batch.sent = true;
    if (this.batch === batch) this.batch = null;
    const { name, text, values } = cardStatement(batch.now, [...batch.waiting.keys()]);
    preparedQuery<CommitmentCardRow>(this.dataSource, this.dataSource.manager, name, text, values).then(
      (rows) => {
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const [id, waiting] of batch.waiting) for (const w of waiting) w.resolve(byId.get(id));
      },
      (err: unknown) => {
        for (const waiting of batch.waiting.values()) for (const w of waiting) w.reject(err);
      },
    );
  }
}
