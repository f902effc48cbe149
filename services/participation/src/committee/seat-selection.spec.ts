import { candidaciesToSeat, parityOf, termEnd } from './seat-selection';

describe('committee seat selection (pure rules)', () => {
  const ranked = ['a', 'b', 'c', 'd'];

  it('fills the seats not held by a running term with the best-ranked candidacies', () => {
    expect(candidaciesToSeat(ranked, 3, 0)).toEqual(['a', 'b', 'c']);
    expect(candidaciesToSeat(ranked, 3, 1)).toEqual(['a', 'b']);
  });

  it('fills none when running terms hold every seat, or more (never a negative count)', () => {
    expect(candidaciesToSeat(ranked, 3, 3)).toEqual([]);
    expect(candidaciesToSeat(ranked, 3, 5)).toEqual([]);
  });

  it('fills no more seats than there are scored candidacies', () => {
    expect(candidaciesToSeat(['a'], 4, 0)).toEqual(['a']);
  });

  it('parity holds when government and civil society hold as many seats', () => {
    expect(parityOf([])).toEqual({ government: 0, civilSociety: 0, parity: true });
    expect(parityOf([{ sector: 'government' }, { sector: 'civil_society' }])).toEqual({
      government: 1,
      civilSociety: 1,
      parity: true,
    });
    expect(parityOf([{ sector: 'government' }, { sector: 'government' }, { sector: 'civil_society' }])).toEqual({
      government: 2,
      civilSociety: 1,
      parity: false,
    });
  });

  it('a term ends whole months after its first day, as a calendar date', () => {
    expect(termEnd('2026-01-15', 24)).toBe('2028-01-15');
    expect(termEnd('2026-03-01T00:00:00Z', 1)).toBe('2026-04-01');
  });
});
