import { Injectable } from '@nestjs/common';
import { CandidacyDto } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface SeatRow {
  id: string;
  sector: 'government' | 'civil_society';
  holder: string;
  candidacy_id: string | null;
  term_start: Date;
  term_end: Date;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface CandidacyListRow {
  id: string;
  organisation: string;
  status: 'submitted' | 'selected' | 'not_selected';
  score: number | null;
}

/** candidacies and seats of the steering committee. */
@Injectable()
export class CommitteeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertCandidacy(m: EntityManager, id: string, applicantId: string, dto: CandidacyDto): Promise<void> {
    await m.query(
      `INSERT INTO candidacies (id, cycle_id, applicant_id, organisation, statement, documents) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, dto.cycleId, applicantId, dto.organisation, dto.statement, JSON.stringify(dto.documents ?? [])],
    );
  }

  /** Best score first, unscored last, at most 500. */
  candidacies(cycleId: string): Promise<CandidacyListRow[]> {
    return this.dataSource.query<CandidacyListRow[]>(
      `SELECT id, organisation, status, score FROM candidacies WHERE cycle_id = $1 ORDER BY score DESC NULLS LAST, created_at LIMIT 500`,
      [cycleId],
    );
  }

  /** false when the cycle has no such candidacy. */
  async score(m: EntityManager, cycleId: string, candidacyId: string, score: number): Promise<boolean> {
    const [updated] = await m.query<[unknown[], number]>(
      `UPDATE candidacies SET score = $3 WHERE id = $1 AND cycle_id = $2 RETURNING id`,
      [candidacyId, cycleId, score],
    );
    return updated.length > 0;
  }

  /** The scored candidacies, best first (earliest first on a tie), at most `limit`. */
  ranked(m: EntityManager, cycleId: string, limit: number): Promise<{ id: string; organisation: string }[]> {
    return m.query<{ id: string; organisation: string }[]>(
      `SELECT id, organisation FROM candidacies WHERE cycle_id = $1 AND score IS NOT NULL ORDER BY score DESC, created_at LIMIT $2`,
      [cycleId, limit],
    );
  }

  /** Ends the civil-society seats whose term is over by `termStart` (rotation); returns them. */
  async rotateOut(m: EntityManager, termStart: string, reason: string): Promise<{ id: string; holder: string }[]> {
    const [expired] = await m.query<[{ id: string; holder: string }[], number]>(
      `UPDATE seats SET ended_at = now(), end_reason = $2 WHERE sector = 'civil_society' AND ended_at IS NULL AND term_end <= $1 RETURNING id, holder`,
      [termStart, reason],
    );
    return expired;
  }

  async liveCivilSocietySeats(m: EntityManager, today: string): Promise<number> {
    const [{ live }] = await m.query<{ live: number }[]>(
      `SELECT count(*)::int AS live FROM seats WHERE sector = 'civil_society' AND ended_at IS NULL AND term_end > $1`,
      [today],
    );
    return live;
  }

  async insertSeat(
    m: EntityManager,
    seat: {
      id: string;
      sector: SeatRow['sector'];
      holder: string;
      candidacyId: string | null;
      termStart: string;
      termEnd: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO seats (id, sector, holder, candidacy_id, term_start, term_end) VALUES ($1, $2, $3, $4, $5, $6)`,
      [seat.id, seat.sector, seat.holder, seat.candidacyId, seat.termStart, seat.termEnd],
    );
  }

  /** The chosen ones selected, every other candidacy of the cycle not. */
  async settleCandidacies(m: EntityManager, cycleId: string, chosenIds: string[]): Promise<void> {
    await m.query(
      `UPDATE candidacies SET status = CASE WHEN id = ANY($2::uuid[]) THEN 'selected' ELSE 'not_selected' END WHERE cycle_id = $1`,
      [cycleId, chosenIds],
    );
  }

  /** Ends an active seat; undefined when there is none. */
  async endSeat(m: EntityManager, seatId: string, reason: string) {
    const [[seat]] = await m.query<[{ sector: SeatRow['sector']; holder: string }[], number]>(
      `UPDATE seats SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL RETURNING sector, holder`,
      [seatId, reason],
    );
    return seat;
  }

  /** The seats held on `today`, by sector, term start and holder. */
  liveSeats(today: string): Promise<SeatRow[]> {
    return this.dataSource.query<SeatRow[]>(
      `SELECT * FROM seats WHERE ended_at IS NULL AND term_end > $1 ORDER BY sector, term_start, holder`,
      [today],
    );
  }
}
