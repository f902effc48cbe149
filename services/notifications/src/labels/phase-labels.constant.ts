import { Language, PhaseKind } from '@ogp/contracts';
import { labelOf } from './label-of';

/** What each co-creation phase is called, for every notification that names one. */
export const PHASE_LABELS: Record<PhaseKind, Record<Language, string>> = {
  themes: { ar: 'اقتراح المحاور', fr: 'proposition des thèmes', en: 'theme proposals' },
  ideas: { ar: 'جمع الأفكار والمقترحات', fr: 'collecte des idées et propositions', en: 'ideas and proposals' },
  analysis: {
    ar: 'تحليل ومعالجة المقترحات',
    fr: 'analyse et traitement des propositions',
    en: 'analysis of the proposals',
  },
  drafting: {
    ar: 'صياغة الالتزامات المقترحة',
    fr: 'rédaction des engagements proposés',
    en: 'drafting of the proposed commitments',
  },
  consultation: { ar: 'الاستشارة العمومية', fr: 'consultation publique', en: 'public consultation' },
  validation: {
    ar: 'المصادقة على الخطة واعتمادها',
    fr: 'validation et adoption du plan',
    en: 'validation and adoption of the plan',
  },
  candidacy: {
    ar: 'الترشح لعضوية لجنة القيادة',
    fr: 'candidatures au comité de pilotage',
    en: 'steering committee candidacies',
  },
};

export function phaseLabel(kind: string, language: Language): string {
  return labelOf(PHASE_LABELS, kind, language);
}
