import { csrfToken, csrfTokenMatches, newCsrfSeed } from './csrf';

describe('CSRF token (signed double submit)', () => {
  const secret = 'a-secret-that-is-long-enough-0123456789';

  it('matches the token signed for the same seed and secret only', () => {
    const seed = newCsrfSeed();
    expect(csrfTokenMatches(seed, csrfToken(seed, secret), secret)).toBe(true);
    expect(csrfTokenMatches(seed, csrfToken(newCsrfSeed(), secret), secret)).toBe(false);
    expect(csrfTokenMatches(seed, csrfToken(seed, 'another-secret-that-is-long-enough-01'), secret)).toBe(false);
  });

  it('refuses a missing seed or a missing, forged or oversized token', () => {
    const seed = newCsrfSeed();
    expect(csrfTokenMatches(undefined, csrfToken(seed, secret), secret)).toBe(false);
    expect(csrfTokenMatches(seed, null, secret)).toBe(false);
    expect(csrfTokenMatches(seed, '', secret)).toBe(false);
    expect(csrfTokenMatches(seed, seed, secret)).toBe(false);
    expect(csrfTokenMatches(seed, 'x'.repeat(500), secret)).toBe(false);
  });

  it('seeds are random', () => {
    expect(new Set(Array.from({ length: 50 }, newCsrfSeed)).size).toBe(50);
  });
});
