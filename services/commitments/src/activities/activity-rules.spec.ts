import { DomainError, ErrorCode } from '@ogp/contracts';
import { activityStatusFor, assertRoomForActivity, MAX_ACTIVITIES } from './activity-rules';

describe('activity rules', () => {
  it('status follows progress: 0 not started, between in progress, 100 completed', () => {
    expect(activityStatusFor(0)).toBe('not_started');
    expect(activityStatusFor(0.5)).toBe('in_progress');
    expect(activityStatusFor(99.99)).toBe('in_progress');
    expect(activityStatusFor(100)).toBe('completed');
  });

  it('a commitment holds at most 500 activities', () => {
    expect(MAX_ACTIVITIES).toBe(500);
    expect(() => assertRoomForActivity(499)).not.toThrow();
    try {
      assertRoomForActivity(500);
      fail('expected a refusal');
    } catch (err) {
      expect((err as DomainError).code).toBe(ErrorCode.CONFLICT);
      expect((err as DomainError).message).toBe('a commitment holds at most 500 activities');
    }
  });
});
