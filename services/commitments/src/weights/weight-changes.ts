import { invalidFields } from '@ogp/contracts';

export interface WeightChange {
  activityId: string;
  before: number | null;
  after: number | null;
}

/** A weights command names each activity once. */
export function assertDistinctActivities(ids: string[]): void {
  if (new Set(ids).size !== ids.length)
    throw invalidFields('an activity appears twice', { field: 'weights', rule: 'duplicate' });
}

/** Each weight as it was and as it will be (no weight: null, which the roll-up counts as 1). */
export function weightChanges(
  weights: { activityId: string; weight?: number | null }[],
  before: Map<string, number | null>,
): WeightChange[] {
  return weights.map((w) => ({
    activityId: w.activityId,
    before: before.get(w.activityId) ?? null,
    after: w.weight ?? null,
  }));
}
