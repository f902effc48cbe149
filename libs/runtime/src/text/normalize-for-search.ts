/**
 * Folds text the way people type it, so a search matches regardless of: diacritics (tashkeel,
 * superscript alef) and tatweel; alef forms (أ إ آ ٱ → ا); taa marbuta (ة → ه); alef maqsura
 * (ى → ي); hamza carriers (ؤ → و, ئ → ي); Latin case and accents; Arabic-Indic digits.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
