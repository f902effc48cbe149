import { pickLanguage } from './language.constant';
import { boundPage, MAX_PAGE_SIZE } from './page';

describe('pickLanguage', () => {
  it('defaults to Arabic when the caller states nothing', () => {
    expect(pickLanguage(undefined)).toBe('ar');
    expect(pickLanguage('')).toBe('ar');
  });
  it('honours quality values and falls back past unsupported languages', () => {
    expect(pickLanguage('de-DE,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(pickLanguage('en;q=0.4, ar;q=0.9')).toBe('ar');
    expect(pickLanguage('de, it')).toBe('ar');
  });
});

describe('boundPage', () => {
  it('never lets a caller ask for more than the maximum page', () => {
    expect(boundPage({ limit: 1_000_000 }).limit).toBe(MAX_PAGE_SIZE);
    expect(boundPage({ limit: -5, offset: -3 })).toEqual({ limit: 1, offset: 0 });
    expect(boundPage(undefined)).toEqual({ limit: 20, offset: 0 });
  });
});
