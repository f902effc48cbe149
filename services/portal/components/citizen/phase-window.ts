import type { CycleView } from './cycle-view';

/** Where "now" stands against a phase of a cycle: open, not open yet, closed, or absent from the cycle. */
export type PhaseWindow =
  | { state: 'open'; closesAt: string }
  | { state: 'upcoming'; opensAt: string }
  | { state: 'closed'; closesAt: string }
  | { state: 'none' };

export function phaseWindow(cycle: CycleView, kind: string, now = new Date()): PhaseWindow {
  const phase = cycle.phases.find((p) => p.kind === kind);
  if (!phase) return { state: 'none' };
  if (now < new Date(phase.opensAt)) return { state: 'upcoming', opensAt: phase.opensAt };
  if (now >= new Date(phase.closesAt)) return { state: 'closed', closesAt: phase.closesAt };
  return { state: 'open', closesAt: phase.closesAt };
}

/** The cycle to offer for a phase: one where it is open, else the next to open, else the last to have closed. */
export function cycleForPhase(cycles: CycleView[], kind: string, now = new Date()): CycleView | undefined {
  const rank = (c: CycleView): number => {
    const w = phaseWindow(c, kind, now);
    if (w.state === 'open') return 3e15;
    if (w.state === 'upcoming') return 2e15 - new Date(w.opensAt).getTime() / 1000;
    if (w.state === 'closed') return new Date(w.closesAt).getTime() / 1000;
    return -1;
  };
  return [...cycles].sort((a, b) => rank(b) - rank(a))[0];
}
