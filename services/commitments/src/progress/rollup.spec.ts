import { completionLevelFor } from '@ogp/tracking';
import { levelAfter, rollupDelta, validateRemoteAnswer } from './rollup';

describe('levelAfter (completion level use)', () => {
  it('an override wins over everything', () => {
    expect(levelAfter({ level: 'substantial' }, 'limited', 10)).toBe('substantial');
  });

  it('else the level the strategy gives', () => {
    expect(levelAfter(null, 'complete', 10)).toBe('complete');
  });

  it('else the level the progress earns, by the shared rule', () => {
    for (const progress of [0, 1, 50, 99, 100])
      expect(levelAfter(null, undefined, progress)).toBe(completionLevelFor(progress));
  });
});

describe('rollupDelta', () => {
  it('is the change times the commitment’s weight in its area and plan', () => {
    expect(rollupDelta(20, 50, 1)).toBe(30);
    expect(rollupDelta(50, 20, 2)).toBe(-60);
    expect(rollupDelta(40, 40, 3)).toBe(0);
  });
});

describe('validateRemoteAnswer', () => {
  it('keeps progress, level and a trimmed explanation', () => {
    expect(validateRemoteAnswer({ progress: 42, completionLevel: 'limited', explanation: 'x'.repeat(400) })).toEqual({
      progress: 42,
      completionLevel: 'limited',
      explanation: 'x'.repeat(300),
    });
  });

  it('drops an explanation that is not text', () => {
    expect(validateRemoteAnswer({ progress: 0, explanation: 3 }).explanation).toBeUndefined();
  });

  it.each([null, 'x', {}, { progress: '5' }, { progress: -1 }, { progress: 101 }, { progress: Number.NaN }])(
    'refuses %p',
    (answer) => {
      expect(() => validateRemoteAnswer(answer)).toThrow(/progress must be a number/);
    },
  );

  it('refuses an unknown completion level', () => {
    expect(() => validateRemoteAnswer({ progress: 5, completionLevel: 'heroic' })).toThrow(/unknown completion level/);
  });
});
