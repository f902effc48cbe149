import { labelOf } from './label-of';

describe('labelOf', () => {
  const labels = { overdue: { ar: 'متأخر', fr: 'en retard', en: 'overdue' } };

  it("gives a code's label in the reader language", () => {
    expect(labelOf(labels, 'overdue', 'fr')).toBe('en retard');
  });

  it('shows a code without a label as it is', () => {
    expect(labelOf(labels, 'unknown_code', 'ar')).toBe('unknown_code');
  });
});
