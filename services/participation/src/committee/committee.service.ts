import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope } from '@ogp/auth';
import {
  CandidacyDto,
  CompositionView,
  DomainError,
  ErrorCode,
  GovernmentSeatDto,
  ParticipationEvents,
  SeatView,
  SelectionDto,
} from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { PROGRAMME_SCHEDULE_DEFAULTS, today as todayIn } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { CyclesService, STAFF } from '../cycles/cycles.service';

/** Seats belong to no programme yet, so their terms end by the default programme time zone. */
const SEAT_TIME_ZONE = PROGRAMME_SCHEDULE_DEFAULTS.timeZone;

function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * The steering committee: equal seats for government and civil society. CSO seats are filled
 * from candidacies by published criteria (a score), for a term; when a term is renewed, the new
 * selection replaces the seats whose term has run out (rotation). A membership can be ended with a reason.
 */
@Injectable()
export class CommitteeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly cycles: CyclesService,
    private readonly clock: Clock,
  ) {}

  async apply(actor: Actor | null, dto: CandidacyDto): Promise<{ id: string; status: string }> {
    assertRole(actor, ['cso']);
    return this.dataSource.transaction(async (m) => {
      await this.cycles.assertOpen(m, dto.cycleId, 'candidacy');
      const id = randomUUID();
      // A second candidacy of the same CSO in a cycle hits the unique key: ALREADY_EXISTS (RpcErrorFilter).
      await m.query(
        `INSERT INTO candidacies (id, cycle_id, applicant_id, organisation, statement, documents) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, dto.cycleId, actor.id, dto.organisation, dto.statement, JSON.stringify(dto.documents ?? [])],
      );
      await this.outbox.add(m, ParticipationEvents.candidacySubmitted, {
        aggregate: { type: 'candidacy', id },
        data: { candidacyId: id, cycleId: dto.cycleId, organisation: dto.organisation },
        actorId: actor.id,
      });
      return { id, status: 'submitted' };
    });
  }

  /** The coordination team sees every cycle's candidacies; a committee member those of their own programme's cycles. */
  async candidacies(actor: Actor | null, cycleId: string) {
    assertRole(actor, [...STAFF, 'committee_member']);
    const [cycle] = await this.dataSource.query(`SELECT programme_id FROM cycles WHERE id = $1`, [cycleId]);
    if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
    assertScope(actor, [...STAFF, 'committee_member'], { programmeId: cycle.programme_id });
    return this.dataSource.query(
      `SELECT id, organisation, status, score FROM candidacies WHERE cycle_id = $1 ORDER BY score DESC NULLS LAST, created_at LIMIT 500`,
      [cycleId],
    );
  }

  /** Applies the criteria: the highest scores take the seats; seats whose term is over rotate out. */
  async select(actor: Actor | null, dto: SelectionDto): Promise<CompositionView> {
    assertRole(actor, STAFF);
    const today = todayIn(this.clock, SEAT_TIME_ZONE);
    await this.dataSource.transaction(async (m) => {
      const [open] = await m.query(`SELECT closes_at FROM phases WHERE cycle_id = $1 AND kind = 'candidacy'`, [
        dto.cycleId,
      ]);
      if (!open) throw new DomainError(ErrorCode.NOT_FOUND, 'this cycle has no candidacy phase');
      if (this.clock.now() < open.closes_at)
        throw new DomainError(ErrorCode.CONFLICT, 'the selection follows the close of candidacies', {
          closesAt: open.closes_at.toISOString(),
        });
      for (const s of dto.scores) {
        const updated = await m
          .query(`UPDATE candidacies SET score = $3 WHERE id = $1 AND cycle_id = $2 RETURNING id`, [
            s.candidacyId,
            dto.cycleId,
            s.score,
          ])
          .then((r) => r[0]);
        if (!updated.length) throw new DomainError(ErrorCode.NOT_FOUND, `no candidacy ${s.candidacyId} in this cycle`);
      }
      const ranked: { id: string; organisation: string }[] = await m.query(
        `SELECT id, organisation FROM candidacies WHERE cycle_id = $1 AND score IS NOT NULL ORDER BY score DESC, created_at LIMIT $2`,
        [dto.cycleId, dto.seats],
      );
      const expired = await m
        .query(
          `UPDATE seats SET ended_at = now(), end_reason = 'term ended (rotation)' WHERE sector = 'civil_society' AND ended_at IS NULL AND term_end <= $1 RETURNING id, holder`,
          [dto.termStart],
        )
        .then((r) => r[0]);
      for (const seat of expired)
        await this.seatEvent(m, seat.id, 'civil_society', seat.holder, 'ended', 'term ended (rotation)', actor.id);
      const [{ live }] = await m.query(
        `SELECT count(*)::int AS live FROM seats WHERE sector = 'civil_society' AND ended_at IS NULL AND term_end > $1`,
        [today],
      );
      const free = Math.max(0, dto.seats - live);
      const chosen = ranked.slice(0, free);
      for (const c of chosen) {
        const id = randomUUID();
        await m.query(
          `INSERT INTO seats (id, sector, holder, candidacy_id, term_start, term_end) VALUES ($1, 'civil_society', $2, $3, $4, $5)`,
          [id, c.organisation, c.id, dto.termStart, addMonths(dto.termStart, dto.termMonths)],
        );
        await this.seatEvent(m, id, 'civil_society', c.organisation, 'created', null, actor.id);
      }
      await m.query(
        `UPDATE candidacies SET status = CASE WHEN id = ANY($2::uuid[]) THEN 'selected' ELSE 'not_selected' END WHERE cycle_id = $1`,
        [dto.cycleId, chosen.map((c) => c.id)],
      );
      await m.query(
        `INSERT INTO participation_history (entity_type, entity_id, action, actor_id, after) VALUES ('cycle', $1, 'committee_selection', $2, $3)`,
        [dto.cycleId, actor.id, JSON.stringify({ scores: dto.scores, selected: chosen })],
      );
    });
    return this.composition();
  }

  async addGovernmentSeat(actor: Actor | null, dto: GovernmentSeatDto): Promise<CompositionView> {
    assertRole(actor, STAFF);
    await this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      await m.query(
        `INSERT INTO seats (id, sector, holder, term_start, term_end) VALUES ($1, 'government', $2, $3, $4)`,
        [id, dto.holder, dto.termStart, addMonths(dto.termStart, dto.termMonths)],
      );
      await this.seatEvent(m, id, 'government', dto.holder, 'created', null, actor.id);
    });
    return this.composition();
  }

  async endSeat(actor: Actor | null, seatId: string, reason: string): Promise<CompositionView> {
    assertRole(actor, STAFF);
    await this.dataSource.transaction(async (m) => {
      const [seat] = await m
        .query(
          `UPDATE seats SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL RETURNING sector, holder`,
          [seatId, reason],
        )
        .then((r) => r[0]);
      if (!seat) throw new DomainError(ErrorCode.NOT_FOUND, 'no such active seat');
      await this.seatEvent(m, seatId, seat.sector, seat.holder, 'ended', reason, actor.id);
    });
    return this.composition();
  }

  /** Public: who sits, and whether government and civil society hold equal seats. */
  async composition(): Promise<CompositionView> {
    const today = todayIn(this.clock, SEAT_TIME_ZONE);
    const rows = await this.dataSource.query(
      `SELECT * FROM seats WHERE ended_at IS NULL AND term_end > $1 ORDER BY sector, term_start, holder`,
      [today],
    );
    const seats: SeatView[] = rows.map(
      (s: Record<string, unknown> & { term_start: Date; term_end: Date; ended_at: Date | null }) => ({
        id: s.id as string,
        sector: s.sector as SeatView['sector'],
        holder: s.holder as string,
        termStart: s.term_start.toISOString().slice(0, 10),
        termEnd: s.term_end.toISOString().slice(0, 10),
        endedAt: null,
        endReason: null,
      }),
    );
    const government = seats.filter((s) => s.sector === 'government').length;
    const civilSociety = seats.length - government;
    return { seats, government, civilSociety, parity: government === civilSociety };
  }

  private async seatEvent(
    m: EntityManager,
    seatId: string,
    sector: string,
    holder: string,
    change: 'created' | 'ended',
    reason: string | null,
    actorId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO participation_history (entity_type, entity_id, action, actor_id, after) VALUES ('seat', $1, $2, $3, $4)`,
      [seatId, `seat_${change}`, actorId, JSON.stringify({ sector, holder, reason })],
    );
    await this.outbox.add(m, ParticipationEvents.seatChanged, {
      aggregate: { type: 'seat', id: seatId },
      data: { seatId, sector, holder, change, reason },
      actorId,
    });
  }
}
