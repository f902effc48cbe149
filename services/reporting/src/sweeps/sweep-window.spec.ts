import { addDays, isOverdue } from '@ogp/tracking';
import fc from 'fast-check';
import { crossedSince, isOverdueEscalated } from './sweep-window';

const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2024-01-01', n));

describe('the overdue sweep predicates', () => {
  it('escalated: overdue for more than the escalation delay (libs/tracking overdue, that many days later)', () => {
    const work = { endDate: '2026-05-01', completed: false };
    expect(isOverdueEscalated(work, '2026-05-15', 14)).toBe(false); // 14 days after: not yet
    expect(isOverdueEscalated(work, '2026-05-16', 14)).toBe(true);
    expect(isOverdueEscalated({ ...work, completed: true }, '2026-06-30', 14)).toBe(false);
  });

  it('crossed since the last sweep: due before today and on or after the day last swept through', () => {
    expect(crossedSince('2026-05-14', '2026-05-14', '2026-05-15')).toBe(true); // due yesterday, last swept yesterday
    expect(crossedSince('2026-05-13', '2026-05-14', '2026-05-15')).toBe(false); // was overdue at the last sweep already
    expect(crossedSince('2026-05-15', '2026-05-14', '2026-05-15')).toBe(false); // due today: on time
    expect(crossedSince('2026-05-14', '2026-05-15', '2026-05-15')).toBe(false); // the same sweep again the same day
    expect(crossedSince('2020-01-01', null, '2026-05-15')).toBe(true); // never swept: everything
    expect(crossedSince('2026-05-01', '2026-05-15', '2026-05-16', 14)).toBe(true); // its escalation day came
  });

  it('no alert is missed: what is overdue (or escalated) today and was not at the last sweep has crossed since', () => {
    fc.assert(
      fc.property(day, day, day, fc.integer({ min: 0, max: 60 }), (endDate, a, b, delay) => {
        const [sweptThrough, today] = a <= b ? [a, b] : [b, a];
        const work = { endDate, completed: false };
        const now = delay ? isOverdueEscalated(work, today, delay) : isOverdue(work, today);
        const then = delay ? isOverdueEscalated(work, sweptThrough, delay) : isOverdue(work, sweptThrough);
        if (now && !then) expect(crossedSince(endDate, sweptThrough, today, delay)).toBe(true);
        // And nothing else: the same day again, the window is empty.
        expect(crossedSince(endDate, today, today, delay)).toBe(false);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
