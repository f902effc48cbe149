import { figuresAfter } from './indicator-figures';

describe('figuresAfter', () => {
  const before = { current: 3, baseline: 1, target: 10 };

  it('a measurement keeps the baseline and target', () => {
    expect(figuresAfter(before, { current: 5 })).toEqual({ current: 5, baseline: 1, target: 10 });
  });

  it('a baseline or target given replaces the old one, zero included', () => {
    expect(figuresAfter(before, { current: 5, baseline: 0, target: 20 })).toEqual({
      current: 5,
      baseline: 0,
      target: 20,
    });
  });
});
