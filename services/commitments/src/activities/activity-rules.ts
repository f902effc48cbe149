import { ActivityStatus, DomainError, ErrorCode } from '@ogp/contracts';

/** A commitment holds at most this many activities (removed ones count: they keep their position). */
export const MAX_ACTIVITIES = 500;

export function assertRoomForActivity(count: number): void {
  if (count >= MAX_ACTIVITIES)
    throw new DomainError(ErrorCode.CONFLICT, `a commitment holds at most ${MAX_ACTIVITIES} activities`);
}

/** An activity's status follows its reported progress. */
export function activityStatusFor(progress: number): ActivityStatus {
  return progress >= 100 ? 'completed' : progress > 0 ? 'in_progress' : 'not_started';
}
