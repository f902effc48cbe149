import type { CycleView } from './cycle-view';
import { cycleForPhase, phaseWindow } from './phase-window';

const cycle = (code: string, opensAt: string, closesAt: string): CycleView => ({
  id: code,
  programmeId: 'p',
  code,
  title: { ar: code },
  phases: [{ kind: 'ideas', opensAt, closesAt, open: false }],
  currentPhases: [],
  themes: [],
});

describe('phase windows', () => {
  const now = new Date('2026-06-15T12:00:00Z');

  it('says whether a phase is open, upcoming, closed or absent', () => {
    const c = cycle('a', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z');
    expect(phaseWindow(c, 'ideas', now)).toEqual({ state: 'open', closesAt: '2026-07-01T00:00:00Z' });
    expect(phaseWindow(c, 'ideas', new Date('2026-05-31T23:59:59Z'))).toEqual({
      state: 'upcoming',
      opensAt: '2026-06-01T00:00:00Z',
    });
    // The closing instant itself is outside, as the participation service counts it.
    expect(phaseWindow(c, 'ideas', new Date('2026-07-01T00:00:00Z'))).toEqual({
      state: 'closed',
      closesAt: '2026-07-01T00:00:00Z',
    });
    expect(phaseWindow(c, 'consultation', now)).toEqual({ state: 'none' });
  });

  it('offers the open cycle first, then the next to open, then the last closed', () => {
    const old = cycle('old', '2020-10-01T00:00:00Z', '2020-11-05T00:00:00Z');
    const recent = cycle('recent', '2025-10-01T00:00:00Z', '2025-11-05T00:00:00Z');
    const soon = cycle('soon', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z');
    const later = cycle('later', '2027-09-01T00:00:00Z', '2027-10-01T00:00:00Z');
    const open = cycle('open', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z');
    expect(cycleForPhase([old, soon, open, later], 'ideas', now)?.code).toBe('open');
    expect(cycleForPhase([old, later, soon], 'ideas', now)?.code).toBe('soon');
    expect(cycleForPhase([old, recent], 'ideas', now)?.code).toBe('recent');
    expect(cycleForPhase([], 'ideas', now)).toBeUndefined();
  });
});
