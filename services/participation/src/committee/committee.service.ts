import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, assertScope, Role, RoleGroup } from '@ogp/auth';
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
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { PROGRAMME_SCHEDULE_DEFAULTS, today as todayIn } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { CyclesRepository } from '../cycles/cycles.repository';
import { CyclesService } from '../cycles/cycles.service';
import { ParticipationHistoryRepository } from '../history/participation-history.repository';
import { PhasesRepository } from '../phases/phases.repository';
import { CandidacyListRow, CommitteeRepository, SeatRow } from './committee.repository';
import { candidaciesToSeat, parityOf, termEnd } from './seat-selection';

/** Seats belong to no programme yet, so their terms end by the default programme time zone. */
const SEAT_TIME_ZONE = PROGRAMME_SCHEDULE_DEFAULTS.timeZone;
const ROTATION = 'term ended (rotation)';
/** Only civil-society organisations stand for the civil-society seats (no role group is narrower). */
const CANDIDATES: readonly Role[] = ['cso'];

/**
 * The steering committee: equal seats for government and civil society. CSO seats are filled
 * from candidacies by published criteria (a score), for a term; when a term is renewed, the new
 * selection replaces the seats whose term has run out (rotation). A membership can be ended with a reason.
 */
@Injectable()
export class CommitteeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly committee: CommitteeRepository,
    private readonly cycleRows: CyclesRepository,
    private readonly phases: PhasesRepository,
    private readonly history: ParticipationHistoryRepository,
    private readonly outbox: OutboxWriter,
    private readonly cycles: CyclesService,
    private readonly clock: Clock,
  ) {}

  async apply(
    actor: Actor | null,
    dto: CandidacyDto,
    idempotencyKey: string | null = null,
  ): Promise<{ id: string; status: string }> {
    assertRole(actor, CANDIDATES);
    return this.dataSource.transaction((m) =>
      runIdempotent(
        m,
        idempotencyKey && `${actor.id}:${idempotencyKey}`,
        'participation.candidacies.create',
        async () => {
          await this.cycles.assertOpen(m, dto.cycleId, 'candidacy');
          const id = randomUUID();
          // A second candidacy of the same CSO in a cycle hits the unique key: ALREADY_EXISTS (RpcErrorFilter).
          await this.committee.insertCandidacy(m, id, actor.id, dto);
          await this.outbox.add(m, ParticipationEvents.candidacySubmitted, {
            aggregate: { type: 'candidacy', id },
            data: { candidacyId: id, cycleId: dto.cycleId, organisation: dto.organisation },
            actorId: actor.id,
          });
          return { id, status: 'submitted' };
        },
      ),
    );
  }

  /** The coordination team sees every cycle's candidacies; a committee member those of their own programme's cycles. */
  async candidacies(actor: Actor | null, cycleId: string): Promise<CandidacyListRow[]> {
    assertRole(actor, RoleGroup.OVERSIGHT);
    const cycle = await this.cycleRows.find(cycleId);
    if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
    assertScope(actor, RoleGroup.OVERSIGHT, { programmeId: cycle.programme_id });
    return this.committee.candidacies(cycleId);
  }

  /** Applies the criteria: the highest scores take the seats; seats whose term is over rotate out. */
  async select(actor: Actor | null, dto: SelectionDto): Promise<CompositionView> {
    assertRole(actor, RoleGroup.COORDINATION);
    const today = todayIn(this.clock, SEAT_TIME_ZONE);
    await this.dataSource.transaction(async (m) => {
      const open = await this.phases.ofKind(dto.cycleId, 'candidacy', m);
      if (!open) throw new DomainError(ErrorCode.NOT_FOUND, 'this cycle has no candidacy phase');
      if (this.clock.now() < open.closes_at)
        throw new DomainError(ErrorCode.CONFLICT, 'the selection follows the close of candidacies', {
          closesAt: open.closes_at.toISOString(),
        });
      for (const s of dto.scores)
        if (!(await this.committee.score(m, dto.cycleId, s.candidacyId, s.score)))
          throw new DomainError(ErrorCode.NOT_FOUND, `no candidacy ${s.candidacyId} in this cycle`);
      const ranked = await this.committee.ranked(m, dto.cycleId, dto.seats);
      const expired = await this.committee.rotateOut(m, dto.termStart, ROTATION);
      for (const seat of expired)
        await this.seatEvent(m, seat.id, 'civil_society', seat.holder, 'ended', ROTATION, actor.id);
      const live = await this.committee.liveCivilSocietySeats(m, today);
      const chosen = candidaciesToSeat(ranked, dto.seats, live);
      for (const c of chosen) {
        const id = randomUUID();
        await this.committee.insertSeat(m, {
          id,
          sector: 'civil_society',
          holder: c.organisation,
          candidacyId: c.id,
          termStart: dto.termStart,
          termEnd: termEnd(dto.termStart, dto.termMonths),
        });
        await this.seatEvent(m, id, 'civil_society', c.organisation, 'created', null, actor.id);
      }
      await this.committee.settleCandidacies(
        m,
        dto.cycleId,
        chosen.map((c) => c.id),
      );
      await this.history.record(m, {
        entityType: 'cycle',
        entityId: dto.cycleId,
        action: 'committee_selection',
        actorId: actor.id,
        after: { scores: dto.scores, selected: chosen },
      });
    });
    return this.composition();
  }

  async addGovernmentSeat(
    actor: Actor | null,
    dto: GovernmentSeatDto,
    idempotencyKey: string | null = null,
  ): Promise<CompositionView> {
    assertRole(actor, RoleGroup.COORDINATION);
    await this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'participation.seats.create', async () => {
        const id = randomUUID();
        await this.committee.insertSeat(m, {
          id,
          sector: 'government',
          holder: dto.holder,
          candidacyId: null,
          termStart: dto.termStart,
          termEnd: termEnd(dto.termStart, dto.termMonths),
        });
        await this.seatEvent(m, id, 'government', dto.holder, 'created', null, actor.id);
        return { id };
      }),
    );
    return this.composition();
  }

  async endSeat(actor: Actor | null, seatId: string, reason: string): Promise<CompositionView> {
    assertRole(actor, RoleGroup.COORDINATION);
    await this.dataSource.transaction(async (m) => {
      const seat = await this.committee.endSeat(m, seatId, reason);
      if (!seat) throw new DomainError(ErrorCode.NOT_FOUND, 'no such active seat');
      await this.seatEvent(m, seatId, seat.sector, seat.holder, 'ended', reason, actor.id);
    });
    return this.composition();
  }

  /** Public: who sits, and whether government and civil society hold equal seats. */
  async composition(): Promise<CompositionView> {
    const rows = await this.committee.liveSeats(todayIn(this.clock, SEAT_TIME_ZONE));
    const seats: SeatView[] = rows.map((s: SeatRow) => ({
      id: s.id,
      sector: s.sector,
      holder: s.holder,
      termStart: s.term_start.toISOString().slice(0, 10),
      termEnd: s.term_end.toISOString().slice(0, 10),
      endedAt: null,
      endReason: null,
    }));
    return { seats, ...parityOf(seats) };
  }

  private async seatEvent(
    m: EntityManager,
    seatId: string,
    sector: SeatRow['sector'],
    holder: string,
    change: 'created' | 'ended',
    reason: string | null,
    actorId: string,
  ): Promise<void> {
    await this.history.record(m, {
      entityType: 'seat',
      entityId: seatId,
      action: `seat_${change}`,
      actorId,
      after: { sector, holder, reason },
    });
    await this.outbox.add(m, ParticipationEvents.seatChanged, {
      aggregate: { type: 'seat', id: seatId },
      data: { seatId, sector, holder, change, reason },
      actorId,
    });
  }
}
