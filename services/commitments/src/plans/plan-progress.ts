import { COMPLETION_LEVELS, CompletionLevel } from '@ogp/contracts';

/** Progress kept as sums: the weighted sum over the weight, to two decimals; nothing weighed is 0. */
export function ratio(sum: number, weight: number): number {
  return Number(weight) > 0 ? Math.round((Number(sum) / Number(weight)) * 100) / 100 : 0;
}

/** A programme's progress: its plans weigh equally. */
export function programmeProgress(plans: { progress: number }[]): number {
  return plans.length ? Math.round((plans.reduce((s, p) => s + p.progress, 0) / plans.length) * 100) / 100 : 0;
}

/** Counts by completion level, every level present (0 when no commitment has it). */
export function countsByLevel(counts: { level: CompletionLevel; n: number }[]): Record<CompletionLevel, number> {
  const byLevel = Object.fromEntries(COMPLETION_LEVELS.map((l) => [l, 0])) as Record<CompletionLevel, number>;
  for (const c of counts) byLevel[c.level] = c.n;
  return byLevel;
}
