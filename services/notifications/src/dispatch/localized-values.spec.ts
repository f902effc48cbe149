import { localizedValues } from './localized-values';

describe('localizedValues', () => {
  it('takes the reader language, else Arabic, else nothing', () => {
    expect(localizedValues.text({ ar: 'أ', fr: 'F', en: 'E' }, 'fr')).toBe('F');
    expect(localizedValues.text({ ar: 'أ' } as never, 'en')).toBe('أ');
    expect(localizedValues.text(null, 'en')).toBe('');
  });

  it('writes a calendar date in the reader language, whatever time follows it', () => {
    expect(localizedValues.date('2026-03-05', 'en')).toBe('March 5, 2026');
    expect(localizedValues.date('2026-03-05T23:30:00Z', 'fr')).toBe('5 mars 2026');
    expect(localizedValues.date('not a date', 'en')).toBe('not a date');
    expect(localizedValues.date(null, 'en')).toBe('');
  });

  it('writes an instant in the display time zone', () => {
    expect(localizedValues.instant('2026-03-05T23:30:00Z', 'en', 'Asia/Tokyo')).toMatch(/^March 6, 2026 at 8:30\sAM$/);
  });

  it('writes a progress figure with at most one decimal', () => {
    expect(localizedValues.percent(42.25, 'en')).toBe('42.3');
    expect(localizedValues.percent(50, 'fr')).toBe('50');
  });
});
