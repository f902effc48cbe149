import {
  equalMilestones,
  indicatorsAgainstTargets,
  manualCompletionLevel,
  weightedActivities,
} from './built-in-strategies';
import { completionLevelFor } from './completion-level';
import { resolveStrategyKey, StrategyRegistry } from './strategy-registry';
import { TrackingInput } from './tracking-strategy';

const activity = (
  id: string,
  weight: number | null,
  progress: number,
  status: 'not_started' | 'in_progress' | 'completed' = progress >= 100
    ? 'completed'
    : progress > 0
      ? 'in_progress'
      : 'not_started',
) => ({
  id,
  weight,
  progress,
  status,
  endDate: '2020-08-31',
});
const input = (over: Partial<TrackingInput>): TrackingInput => ({
  commitmentId: 'c',
  activities: [],
  indicators: [],
  manualLevel: null,
  today: '2020-06-01',
  ...over,
});

describe('weighted activities', () => {
  it('weights each activity by its share of the total weight', () => {
    expect(
      weightedActivities.compute(input({ activities: [activity('a', 3, 100), activity('b', 1, 0)] })).progress,
    ).toBe(75);
  });
  it('normalises any scale of weights', () => {
    expect(
      weightedActivities.compute(input({ activities: [activity('a', 30, 50), activity('b', 10, 50)] })).progress,
    ).toBe(50);
  });
  it('a missing weight counts as 1', () => {
    expect(
      weightedActivities.compute(input({ activities: [activity('a', null, 100), activity('b', 1, 0)] })).progress,
    ).toBe(50);
  });
  it('a zero weight leaves the activity out', () => {
    expect(
      weightedActivities.compute(input({ activities: [activity('a', 0, 0), activity('b', 2, 80)] })).progress,
    ).toBe(80);
  });
  it('all weights zero: activities count equally instead of dividing by zero', () => {
    const r = weightedActivities.compute(input({ activities: [activity('a', 0, 100), activity('b', 0, 0)] }));
    expect(r.progress).toBe(50);
    expect(r.explanation).toMatch(/equally/);
  });
  it('no activity: 0', () => {
    expect(weightedActivities.compute(input({})).progress).toBe(0);
  });
  it('an activity added after progress was reported lowers the figure by its weight', () => {
    const before = weightedActivities.compute(input({ activities: [activity('a', 1, 100)] })).progress;
    const after = weightedActivities.compute(
      input({ activities: [activity('a', 1, 100), activity('new', 1, 0)] }),
    ).progress;
    expect([before, after]).toEqual([100, 50]);
  });
});

describe('equal milestones', () => {
  it('counts completed milestones only, each the same', () => {
    expect(
      equalMilestones.compute(
        input({
          activities: [activity('a', 9, 100), activity('b', 1, 90), activity('c', 1, 0), activity('d', 1, 100)],
        }),
      ).progress,
    ).toBe(50);
  });
});

describe('indicators against targets', () => {
  it('averages each indicator’s way from baseline to target, capped to 0-100 %', () => {
    const r = indicatorsAgainstTargets.compute(
      input({
        indicators: [
          { id: 'i1', baseline: 10, target: 20, current: 15 }, // 50 %
          { id: 'i2', baseline: 0, target: 4, current: 8 }, // capped at 100 %
          { id: 'i3', baseline: 100, target: 50, current: 75 }, // a decrease target: 50 %
          { id: 'i4', baseline: 0, target: 10, current: null }, // not measured yet: 0
        ],
      }),
    );
    expect(r.progress).toBe(50);
  });
});

describe('manual completion level', () => {
  it('takes the level set by hand and its progress', () => {
    expect(manualCompletionLevel.compute(input({ manualLevel: 'substantial' }))).toMatchObject({
      progress: 75,
      completionLevel: 'substantial',
    });
    expect(manualCompletionLevel.compute(input({})).completionLevel).toBe('not_started');
  });
});

describe('completion levels', () => {
  it('follow the documented thresholds', () => {
    expect([0, 0.01, 49.99, 50, 99.99, 100].map(completionLevelFor)).toEqual([
      'not_started',
      'limited',
      'limited',
      'substantial',
      'substantial',
      'complete',
    ]);
  });
});

describe('strategy precedence and registry', () => {
  it('commitment over institution over programme, then the default', () => {
    expect(
      resolveStrategyKey({ commitment: 'equal_milestones', institution: 'indicators', programme: 'manual_level' }),
    ).toBe('equal_milestones');
    expect(resolveStrategyKey({ commitment: null, institution: 'indicators', programme: 'manual_level' })).toBe(
      'indicators',
    );
    expect(resolveStrategyKey({ programme: 'manual_level' })).toBe('manual_level');
    expect(resolveStrategyKey({})).toBe('weighted_activities');
  });
  it('loads a strategy from a code module and refuses duplicates or malformed ones', () => {
    const custom = { key: 'budget_share', description: 'x', compute: () => ({ progress: 42 }) };
    const registry = StrategyRegistry.fromModules(['m1'], () => ({ strategies: [custom] }));
    expect(registry.get('budget_share')?.compute(input({})).progress).toBe(42);
    expect(() =>
      StrategyRegistry.fromModules(['m1'], () => ({ default: { ...custom, key: 'weighted_activities' } })),
    ).toThrow(/two strategies/);
    expect(() => StrategyRegistry.fromModules(['m1'], () => ({}))).toThrow(/exports neither/);
    expect(registry.isKnown('remote:ministry-of-finance')).toBe(true);
    expect(registry.isKnown('no_such')).toBe(false);
  });
});
