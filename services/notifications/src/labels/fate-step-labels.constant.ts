import { FateStatus, Language } from '@ogp/contracts';
import { labelOf } from './label-of';

/** What each step of an idea's fate is called, for every notification that names one. */
export const FATE_STEP_LABELS: Record<FateStatus | 'published', Record<Language, string>> = {
  received: { ar: 'تم الاستلام', fr: 'reçue', en: 'received' },
  accepted: { ar: 'مقبول للمعالجة', fr: 'acceptée pour traitement', en: 'accepted for processing' },
  rejected: { ar: 'مرفوض', fr: 'rejetée', en: 'rejected' },
  grouped: {
    ar: 'مجمع حسب المؤسسة المعنية',
    fr: 'regroupée par institution concernée',
    en: 'grouped by institution concerned',
  },
  shared: {
    ar: 'محال على المؤسسة المعنية',
    fr: "transmise à l'institution concernée",
    en: 'shared with the institution concerned',
  },
  studied: { ar: 'تمت دراسته', fr: 'étudiée', en: 'studied' },
  retained: {
    ar: 'معتمد في التزام مقترح',
    fr: 'retenue dans un engagement proposé',
    en: 'retained in a proposed commitment',
  },
  not_retained: { ar: 'غير معتمد', fr: 'non retenue', en: 'not retained' },
  published: { ar: 'نشر مآله', fr: 'sort publié', en: 'fate published' },
};

export function fateStepLabel(step: string, language: Language): string {
  return labelOf(FATE_STEP_LABELS, step, language);
}
