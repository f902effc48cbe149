import { othersThan } from './others-than';
import { Recipient } from './recipient';

const person = (userId: string, language: Recipient['language'] = 'ar'): Recipient => ({
  userId,
  language,
  email: `${userId}@example.org`,
});

describe('othersThan', () => {
  it('keeps each person once across the groups, in the order first seen', () => {
    const followers = [person('a'), person('b')];
    const managers = [person('b', 'fr'), person('c')];
    expect(othersThan(null, followers, managers)).toEqual([person('a'), person('b'), person('c')]);
  });

  it('never includes the author of the event', () => {
    expect(othersThan('b', [person('a'), person('b')], [person('b')]).map((r) => r.userId)).toEqual(['a']);
  });

  it('is empty when nobody but the author is concerned', () => {
    expect(othersThan('a', [person('a')])).toEqual([]);
    expect(othersThan(undefined)).toEqual([]);
  });
});
