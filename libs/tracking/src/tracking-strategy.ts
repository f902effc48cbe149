import { TrackingInput, TrackingResult } from '@ogp/contracts';

export type { ActivityStatus, TrackingInput, TrackingResult } from '@ogp/contracts';

/**
 * How one institution turns its commitments' activities into a progress figure. Pure: same
 * input, same result, no I/O (remote strategies live behind NATS, not here).
 */
export interface TrackingStrategy {
  readonly key: string;
  readonly description: string;
  compute(input: TrackingInput): TrackingResult;
}

export function roundProgress(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}
