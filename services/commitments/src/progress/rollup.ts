import { CompletionLevel, COMPLETION_LEVELS, TrackingResult } from '@ogp/contracts';
import { completionLevelFor } from '@ogp/tracking';

/** The level a commitment shows: a coordinator's override, else the strategy's level, else the one its progress earns. */
export function levelAfter(
  override: { level: CompletionLevel } | null,
  strategyLevel: CompletionLevel | undefined,
  progress: number,
): CompletionLevel {
  return override?.level ?? strategyLevel ?? completionLevelFor(progress);
}

/** How much a commitment's change moves its area's and plan's progress sums. */
export function rollupDelta(before: number, after: number, rollupWeight: number): number {
  return (after - before) * rollupWeight;
}

/** A remote strategy's answer, checked: any other shape is refused with the reason. */
export function validateRemoteAnswer(answer: unknown): TrackingResult {
  const a = answer as Partial<TrackingResult> | null;
  if (
    !a ||
    typeof a !== 'object' ||
    typeof a.progress !== 'number' ||
    !Number.isFinite(a.progress) ||
    a.progress < 0 ||
    a.progress > 100
  ) {
    throw new Error('malformed answer: progress must be a number from 0 to 100');
  }
  if (a.completionLevel !== undefined && !(COMPLETION_LEVELS as readonly string[]).includes(a.completionLevel)) {
    throw new Error('malformed answer: unknown completion level');
  }
  return {
    progress: a.progress,
    completionLevel: a.completionLevel,
    explanation: typeof a.explanation === 'string' ? a.explanation.slice(0, 300) : undefined,
  };
}
