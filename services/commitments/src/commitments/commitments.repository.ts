import { Injectable } from '@nestjs/common';
import { CompletionLevel, DomainError, ErrorCode, Localized } from '@ogp/contracts';
import { preparedQuery, transactionOpenedWith } from '@ogp/persistence';
import type { QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { hasRow } from '../database/has-row';
import { CommitmentRow, LevelOverride } from './commitment-row';

export interface CardChange {
  title: Localized;
  startDate: string;
  endDate: string;
  card: Record<string, unknown>;
  ogpValues: string[];
  supportingInstitutionIds: string[];
  searchText: string;
}

export interface NewCommitment extends CardChange {
  id: string;
  planId: string;
  areaId: string;
  number: number;
  leadInstitutionId: string;
  trackingStrategy: string | null;
}

/** The editable columns of a card, in the order both the insert and the update bind them. */
const cardColumns = (c: CardChange): unknown[] => [
  JSON.stringify(c.title),
  c.startDate,
  c.endDate,
  JSON.stringify(c.card),
  c.ogpValues,
  c.supportingInstitutionIds,
  c.searchText,
];

/** A read that rides a command's opening round trip, after the lock: its SQL, literals escaped by `literal`. */
export type OpeningRead = (literal: (value: string) => string) => string;

/** The commitment row every command starts from, locked, with its programme's and institution's strategy inputs. */
const lockSql = (id: string) =>
  `SELECT c.*, pl.programme_id, p.time_zone, p.tracking_strategy AS programme_strategy, i.tracking_strategy AS institution_strategy
     FROM commitments c
     JOIN plans pl ON pl.id = c.plan_id
     JOIN programmes p ON p.id = pl.programme_id
     JOIN institutions i ON i.id = c.lead_institution_id
    WHERE c.id = ${id}
    FOR UPDATE OF c`;

function found(row: CommitmentRow | undefined): CommitmentRow {
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such commitment');
  return row;
}

/** The commitments table: the locked row every command starts from, and the card's writes. */
@Injectable()
export class CommitmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks and loads a commitment with what its strategy needs to know of its programme and
   * institution (prepared: every command starts here, and planning the join costs more than running it).
   */
  async lock(m: EntityManager, commitmentId: string): Promise<CommitmentRow> {
    const [row] = await preparedQuery<CommitmentRow>(this.dataSource, m, 'commitment_lock', lockSql('$1'), [
      commitmentId,
    ]);
    return found(row);
  }

  /**
   * A transaction holding the commitment's row lock from its first round trip: the lock travels
   * with START TRANSACTION (see transactionOpenedWith), then `work` runs with the locked row. A
   * commitment that does not exist is a 404 and rolls the transaction back. `then`: a read sent in
   * the same round trip after the lock (it sees what the lock waited for); its rows go to `work`.
   */
  lockedTransaction<T>(
    commitmentId: string,
    work: (m: EntityManager, row: CommitmentRow, then: QueryResultRow[]) => Promise<T>,
    then?: OpeningRead,
  ): Promise<T> {
    return transactionOpenedWith<CommitmentRow, T>(
      this.dataSource,
      (literal) => lockSql(`${literal(commitmentId)}::uuid`) + (then ? `;\n${then(literal)}` : ''),
      (m, [row], later) => work(m, found(row), later[0] ?? []),
    );
  }

  /** A sub-list of a commitment that does not exist is a 404, not an empty list. */
  async assertExists(m: EntityManager, id: string): Promise<void> {
    if (!(await hasRow(m, `SELECT 1 FROM commitments WHERE id = $1`, [id])))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such commitment');
  }

  /** A change others must see as a new version (a remote strategy's answer to an older one is dropped). */
  async bumpVersion(m: EntityManager, id: string, touch: boolean): Promise<void> {
    await m.query(
      touch
        ? `UPDATE commitments SET version = version + 1, updated_at = now() WHERE id = $1`
        : `UPDATE commitments SET version = version + 1 WHERE id = $1`,
      [id],
    );
  }

  numberTaken(m: EntityManager, planId: string, number: number): Promise<boolean> {
    return hasRow(m, `SELECT 1 FROM commitments WHERE plan_id = $1 AND number = $2`, [planId, number]);
  }

  /** Inserts the card and counts it in its area's and plan's roll-up weight. */
  async insert(m: EntityManager, c: NewCommitment): Promise<void> {
    await m.query(
      `INSERT INTO commitments (id, plan_id, area_id, number, lead_institution_id, tracking_strategy, title, start_date, end_date, card, ogp_values, supporting_institution_ids, search_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [c.id, c.planId, c.areaId, c.number, c.leadInstitutionId, c.trackingStrategy, ...cardColumns(c)],
    );
    await m.query(`UPDATE areas SET weight_sum = weight_sum + 1 WHERE id = $1`, [c.areaId]);
    await m.query(`UPDATE plans SET weight_sum = weight_sum + 1 WHERE id = $1`, [c.planId]);
  }

  async updateCard(m: EntityManager, id: string, c: CardChange): Promise<void> {
    await m.query(
      `UPDATE commitments SET title = $2, start_date = $3, end_date = $4, card = $5, ogp_values = $6, supporting_institution_ids = $7, search_text = $8 WHERE id = $1`,
      [id, ...cardColumns(c)],
    );
  }

  async setManualLevel(m: EntityManager, id: string, level: CompletionLevel): Promise<void> {
    await m.query(`UPDATE commitments SET manual_level = $2, last_report_at = now() WHERE id = $1`, [id, level]);
  }

  async setLevelOverride(m: EntityManager, id: string, override: LevelOverride | null): Promise<void> {
    await m.query(`UPDATE commitments SET level_override = $2 WHERE id = $1`, [
      id,
      override ? JSON.stringify(override) : null,
    ]);
  }

  /** A report of any kind (progress, indicator) dates the commitment's last report. */
  async touchLastReport(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE commitments SET last_report_at = now() WHERE id = $1`, [id]);
  }

  /** Every institution a card names must exist; returns the ids that do not. */
  async missingInstitutions(m: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const known = await m.query<{ id: string }[]>(`SELECT id FROM institutions WHERE id = ANY($1::uuid[])`, [ids]);
    return ids.filter((id) => !known.some((k) => k.id === id));
  }

  institutionExists(m: EntityManager, id: string): Promise<boolean> {
    return hasRow(m, `SELECT id FROM institutions WHERE id = $1`, [id]);
  }

  /** The area's title if it belongs to the plan. */
  async areaOfPlan(m: EntityManager, areaId: string, planId: string): Promise<{ title: Localized } | undefined> {
    const [area] = await m.query<{ title: Localized }[]>(`SELECT title FROM areas WHERE id = $1 AND plan_id = $2`, [
      areaId,
      planId,
    ]);
    return area;
  }
}
