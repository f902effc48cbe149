import { Injectable } from '@nestjs/common';
import { PhaseKind, PhaseView } from '@ogp/contracts';
import { Clock } from '@ogp/runtime';
import { assertPhaseOpen, windowState } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { PhasesRepository } from './phases.repository';

/** Dated phases follow the calendar, nobody switches them by hand: a phase is open when the clock is inside it. */
@Injectable()
export class PhasesService {
  constructor(
    private readonly phases: PhasesRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The space of a phase accepts input now, or the call is refused with the dates. */
  async assertOpen(m: EntityManager, cycleId: string, kind: PhaseKind, cycleExists: () => Promise<boolean>) {
    const phase = await this.phases.ofKind(cycleId, kind, m);
    this.assertOpenPhase(kind, phase ?? null, phase ? true : await cycleExists());
  }

  /** assertOpen's verdict on a phase already read (null: the cycle has no such phase) by a caller saving round trips. */
  assertOpenPhase(kind: PhaseKind, phase: { opens_at: Date; closes_at: Date } | null, cycleExists: boolean): void {
    assertPhaseOpen(
      this.clock.now(),
      kind,
      phase && { opensAt: phase.opens_at, closesAt: phase.closes_at },
      cycleExists,
    );
  }

  /** A cycle's phases as its view shows them, with whether each is open now. */
  async views(cycleId: string, m: EntityManager = this.dataSource.manager): Promise<PhaseView[]> {
    const now = this.clock.now();
    return (await this.phases.ofCycle(cycleId, m)).map((p) => ({
      kind: p.kind,
      opensAt: p.opens_at.toISOString(),
      closesAt: p.closes_at.toISOString(),
      open: windowState(now, p.opens_at, p.closes_at) === 'open',
    }));
  }
}
