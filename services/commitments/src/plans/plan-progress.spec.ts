import { countsByLevel, programmeProgress, ratio } from './plan-progress';

describe('plan progress', () => {
  it('ratio is the weighted sum over the weight, to two decimals; 0 when nothing weighs', () => {
    expect(ratio(150, 3)).toBe(50);
    expect(ratio(100, 3)).toBe(33.33);
    expect(ratio(10, 0)).toBe(0);
  });

  it('a programme’s plans weigh equally; no plan is 0', () => {
    expect(programmeProgress([{ progress: 10 }, { progress: 20 }, { progress: 40 }])).toBe(23.33);
    expect(programmeProgress([])).toBe(0);
  });

  it('counts by level name every level', () => {
    expect(countsByLevel([{ level: 'limited', n: 3 }])).toEqual({
      not_started: 0,
      limited: 3,
      substantial: 0,
      complete: 0,
    });
  });
});
