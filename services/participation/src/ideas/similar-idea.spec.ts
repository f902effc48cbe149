import { SIMILAR_MAX_LENGTH, similarityProbe } from './similar-idea';

describe('similarityProbe (the similar-idea look-up text)', () => {
  it('is null for a text under three characters once normalised', () => {
    expect(similarityProbe('')).toBeNull();
    expect(similarityProbe('  ab  ')).toBeNull();
  });

  it('normalises Arabic and Latin text the way stored ideas are (same function as search_text)', () => {
    expect(similarityProbe('الميزانيّة مفتوحة')).toBe(similarityProbe('الميزانية مفتوحه'));
    expect(similarityProbe('أفكار')).toBe('افكار');
    expect(similarityProbe('OPEN Data')).toBe(similarityProbe('open data'));
  });

  it('compares at most the first 500 characters', () => {
    expect(similarityProbe('a'.repeat(2000))?.length).toBe(SIMILAR_MAX_LENGTH);
  });
});
