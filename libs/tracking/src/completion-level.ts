import { CompletionLevel } from '@ogp/contracts';

export { COMPLETION_LEVELS } from '@ogp/contracts';
export type { CompletionLevel } from '@ogp/contracts';

/**
 * Documented thresholds from progress (0-100) to completion level:
 *   0            → not_started
 *   above 0, < 50 → limited
 *   50 to < 100  → substantial
 *   100          → complete
 * A coordinator may override the derived level, with a reason.
 */
export const COMPLETION_THRESHOLDS = { limited: 0, substantial: 50, complete: 100 } as const;

export function completionLevelFor(progress: number): CompletionLevel {
  if (progress >= COMPLETION_THRESHOLDS.complete) return 'complete';
  if (progress >= COMPLETION_THRESHOLDS.substantial) return 'substantial';
  if (progress > COMPLETION_THRESHOLDS.limited) return 'limited';
  return 'not_started';
}

/** The progress a hand-set level stands for, when a strategy works from levels. */
export const LEVEL_PROGRESS: Record<CompletionLevel, number> = {
  not_started: 0,
  limited: 25,
  substantial: 75,
  complete: 100,
};

/** The SQL twin of "complete": progress at the top threshold. */
export function completeSql(progressSql: string): string {
  return `(${progressSql} >= ${COMPLETION_THRESHOLDS.complete})`;
}
