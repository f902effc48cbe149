import { parseWeight, previewWeights } from './weight-preview';

const a = (id: string, weight: number | null, progress: number) => ({ id, weight, progress });

describe('weights preview (the same rule as the weighted_activities strategy)', () => {
  it('normalises the weights into shares and weighs the progress by them', () => {
    expect(previewWeights([a('x', 3, 100), a('y', 1, 0)])).toEqual({ shares: { x: 75, y: 25 }, progress: 75 });
  });
  it('a missing weight counts as 1, a zero weight leaves the activity out', () => {
    expect(previewWeights([a('x', null, 100), a('y', 1, 0), a('z', 0, 100)])).toEqual({
      shares: { x: 50, y: 50, z: 0 },
      progress: 50,
    });
  });
  it('every weight zero: the activities count equally', () => {
    expect(previewWeights([a('x', 0, 100), a('y', 0, 0)])).toEqual({ shares: { x: 50, y: 50 }, progress: 50 });
  });
  it('no activity: nothing to weigh', () => {
    expect(previewWeights([])).toEqual({ shares: {}, progress: 0 });
  });
  it('reads a typed weight: empty is none, a comma is a decimal point, a negative or a word is refused', () => {
    expect(parseWeight('')).toBeNull();
    expect(parseWeight('2,5')).toBe(2.5);
    expect(parseWeight('-1')).toBe('invalid');
    expect(parseWeight('abc')).toBe('invalid');
  });
});
