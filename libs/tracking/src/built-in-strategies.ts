import { LEVEL_PROGRESS } from './completion-level';
import { roundProgress, TrackingInput, TrackingResult, TrackingStrategy } from './tracking-strategy';

/**
 * The default (seed 000, 2.7): each activity's progress counts by its relative weight,
 * normalised by the sum. A missing weight counts as 1; a weight of 0 leaves the activity out;
 * when every weight is 0 the activities count equally rather than dividing by zero.
 */
export const weightedActivities: TrackingStrategy = {
  key: 'weighted_activities',
  description: 'Weighted activities: sum(weight × progress) / sum(weight); missing weight = 1',
  compute(input: TrackingInput): TrackingResult {
    if (input.activities.length === 0) return { progress: 0, explanation: 'no activities' };
    const weights = input.activities.map((a) =>
      a.weight === null || a.weight === undefined ? 1 : Math.max(0, a.weight),
    );
    const total = weights.reduce((s, w) => s + w, 0);
    if (total === 0) {
      const mean = input.activities.reduce((s, a) => s + a.progress, 0) / input.activities.length;
      return { progress: roundProgress(mean), explanation: 'all weights are zero: activities counted equally' };
    }
    const sum = input.activities.reduce((s, a, i) => s + weights[i] * a.progress, 0);
    return { progress: roundProgress(sum / total) };
  },
};

/** Every milestone weighs the same and counts only once it is completed. */
export const equalMilestones: TrackingStrategy = {
  key: 'equal_milestones',
  description: 'Equal milestones: completed milestones / all milestones',
  compute(input: TrackingInput): TrackingResult {
    if (input.activities.length === 0) return { progress: 0, explanation: 'no milestones' };
    const done = input.activities.filter((a) => a.status === 'completed' || a.progress >= 100).length;
    return {
      progress: roundProgress((100 * done) / input.activities.length),
      explanation: `${done} of ${input.activities.length} milestones completed`,
    };
  },
};

/**
 * Indicators against targets (seed 002, phase 5): each indicator's share of the way from its
 * baseline to its target, capped to 0-100 %, averaged. An indicator not yet measured counts 0.
 */
export const indicatorsAgainstTargets: TrackingStrategy = {
  key: 'indicators',
  description: 'Indicators: mean of (current - baseline) / (target - baseline)',
  compute(input: TrackingInput): TrackingResult {
    if (input.indicators.length === 0) return { progress: 0, explanation: 'no indicators' };
    const shares = input.indicators.map((i) => {
      if (i.current === null || i.current === undefined) return 0;
      if (i.target === i.baseline) return i.current >= i.target ? 1 : 0;
      return Math.min(1, Math.max(0, (i.current - i.baseline) / (i.target - i.baseline)));
    });
    return { progress: roundProgress((100 * shares.reduce((s, v) => s + v, 0)) / shares.length) };
  },
};

/** The OGP completion level set by hand; progress follows the level. */
export const manualCompletionLevel: TrackingStrategy = {
  key: 'manual_level',
  description: 'OGP completion level set by hand',
  compute(input: TrackingInput): TrackingResult {
    const level = input.manualLevel ?? 'not_started';
    return { progress: LEVEL_PROGRESS[level], completionLevel: level, explanation: 'completion level set by hand' };
  },
};

export const BUILT_IN_STRATEGIES: readonly TrackingStrategy[] = [
  weightedActivities,
  equalMilestones,
  indicatorsAgainstTargets,
  manualCompletionLevel,
];
export const DEFAULT_STRATEGY_KEY = weightedActivities.key;
