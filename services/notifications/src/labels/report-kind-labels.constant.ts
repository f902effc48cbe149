import { Language, ReportKind } from '@ogp/contracts';

/** A report kind as its requester reads it. */
export const REPORT_KIND_LABELS: Record<ReportKind, Record<Language, string>> = {
  self_assessment: { ar: 'التقييم الذاتي', fr: 'Auto-évaluation', en: 'Self-assessment' },
  plan_dashboard: { ar: 'لوحة قيادة الخطة', fr: 'Tableau de bord du plan', en: 'Plan dashboard' },
  co_creation_synthesis: { ar: 'خلاصة الإنشاء المشترك', fr: 'Synthèse de la co-création', en: 'Co-creation synthesis' },
  activities: { ar: 'الأنشطة', fr: 'Activités', en: 'Activities' },
};
