/**
 * The contract a tracking strategy answers, locally or remotely. A ministry runs its own
 * strategy as any process answering `tracking.strategies.<key>.compute` over NATS (request:
 * TrackingInput; answer: TrackingResult), without touching this repository.
 */
export const COMPLETION_LEVELS = ['not_started', 'limited', 'substantial', 'complete'] as const;
export type CompletionLevel = (typeof COMPLETION_LEVELS)[number];

export type ActivityStatus = 'not_started' | 'in_progress' | 'completed';

/** What a strategy sees of one commitment. Removed activities are not part of it. */
export interface TrackingInput {
  commitmentId: string;
  activities: {
    id: string;
    /** Relative weight; null when the project manager has not set one. */
    weight: number | null;
    /** Latest reported progress, 0-100. */
    progress: number;
    status: ActivityStatus;
    endDate: string;
  }[];
  indicators: { id: string; baseline: number; target: number; current: number | null }[];
  /** The level a person set by hand, for strategies that track by hand. */
  manualLevel: CompletionLevel | null;
  /** ISO date of "today" (the injected clock). */
  today: string;
}

export interface TrackingResult {
  /** 0-100. */
  progress: number;
  /** Set when the strategy decides the level itself; otherwise it is derived from progress. */
  completionLevel?: CompletionLevel;
  /** One line on how the figure was reached, shown beside it. */
  explanation?: string;
}

export function remoteStrategySubject(key: string): string {
  return `tracking.strategies.${key}.compute`;
}
