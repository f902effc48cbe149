import { CompletionLevel, Language } from '@ogp/contracts';
import { labelOf } from './label-of';

/** What each OGP completion level is called, for every notification that names one. */
export const COMPLETION_LEVEL_LABELS: Record<CompletionLevel, Record<Language, string>> = {
  not_started: { ar: 'لم يبدأ', fr: 'non commencé', en: 'not started' },
  limited: { ar: 'محدود', fr: 'limité', en: 'limited' },
  substantial: { ar: 'جوهري', fr: 'substantiel', en: 'substantial' },
  complete: { ar: 'مكتمل', fr: 'achevé', en: 'complete' },
};

export function completionLevelLabel(level: string, language: Language): string {
  return labelOf(COMPLETION_LEVEL_LABELS, level, language);
}
