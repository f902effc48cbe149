import { DomainError, ErrorCode } from '@ogp/contracts';
import { assertDistinctActivities, weightChanges } from './weight-changes';

describe('weight changes', () => {
  it('refuses an activity named twice', () => {
    expect(() => assertDistinctActivities(['a', 'b'])).not.toThrow();
    try {
      assertDistinctActivities(['a', 'b', 'a']);
      fail('expected a refusal');
    } catch (err) {
      expect((err as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });

  it('pairs each weight with the one it replaces; an absent weight is null', () => {
    const before = new Map<string, number | null>([
      ['a', 2],
      ['b', null],
    ]);
    expect(
      weightChanges([{ activityId: 'a', weight: 3 }, { activityId: 'b' }, { activityId: 'c', weight: null }], before),
    ).toEqual([
      { activityId: 'a', before: 2, after: 3 },
      { activityId: 'b', before: null, after: null },
      { activityId: 'c', before: null, after: null },
    ]);
  });
});
