import { normalizeForSearch } from './normalize-for-search';

describe('Arabic-aware search folding', () => {
  it.each([
    ['إنشاء بوابة الشفافية', 'انشاء بوابه الشفافيه'],
    ['أَلْمَعْلُومَات', 'المعلومات'],
    ['مستوى', 'مستوي'],
    ['الـــنزاهة', 'النزاهه'],
    ['آليات', 'اليات'],
    ['مؤسسات', 'موسسات'],
    ['هيئة', 'هييه'],
    ['الالتزام ١٢', 'الالتزام 12'],
    ['Accès à l’Information', 'acces a l’information'],
  ])('%s ≈ %s', (typed, stored) => {
    expect(normalizeForSearch(typed)).toBe(normalizeForSearch(stored));
  });
});
