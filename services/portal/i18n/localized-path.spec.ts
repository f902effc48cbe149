import { safeLocalPath, splitLocale, switchLocale } from './localized-path';

describe('localized paths', () => {
  it('splits the language off a path', () => {
    expect(splitLocale('/fr/plans/x?y=1')).toEqual({ locale: 'fr', rest: '/plans/x?y=1' });
    expect(splitLocale('/ar')).toEqual({ locale: 'ar', rest: '' });
    expect(splitLocale('/en?q=1')).toEqual({ locale: 'en', rest: '?q=1' });
    expect(splitLocale('/de/plans')).toEqual({ locale: null, rest: '/de/plans' });
    expect(splitLocale('/arabic')).toEqual({ locale: null, rest: '/arabic' });
  });

  it('gives the same page in another language, query kept', () => {
    expect(switchLocale('/ar/plans/7?area=a1', 'en')).toBe('/en/plans/7?area=a1');
    expect(switchLocale('/fr', 'ar')).toBe('/ar');
  });

  it('accepts only paths on this site as a redirect target', () => {
    expect(safeLocalPath('/fr/account', '/ar')).toBe('/fr/account');
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/a\nb',
      42,
      undefined,
      `/${'x'.repeat(3000)}`,
    ]) {
      expect(safeLocalPath(bad, '/ar')).toBe('/ar');
    }
  });
});
