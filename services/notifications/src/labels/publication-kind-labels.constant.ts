import { Language, PUBLICATION_KINDS } from '@ogp/contracts';
import { labelOf } from './label-of';

/** What each kind of publication is called, for every notification that names one. */
export const PUBLICATION_KIND_LABELS: Record<(typeof PUBLICATION_KINDS)[number], Record<Language, string>> = {
  news: { ar: 'خبر', fr: 'actualité', en: 'news' },
  minutes: { ar: 'محضر اجتماع', fr: 'procès-verbal', en: 'minutes' },
  guide: { ar: 'دليل', fr: 'guide', en: 'guide' },
  document: { ar: 'وثيقة', fr: 'document', en: 'document' },
};

export function publicationKindLabel(kind: string, language: Language): string {
  return labelOf(PUBLICATION_KIND_LABELS, kind, language);
}
