import { retryDelaySeconds } from './retry-delay';

describe('retryDelaySeconds', () => {
  it('waits 1 s after the first failure, doubling after each', () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([1, 2, 4, 8, 16]);
  });

  it('never waits more than 5 minutes', () => {
    expect(retryDelaySeconds(9)).toBe(256);
    expect(retryDelaySeconds(10)).toBe(300);
    expect(retryDelaySeconds(30)).toBe(300);
  });
});
