import { Language } from '@ogp/contracts';

/** The words of the calendar feeds, per language (Arabic first). */
export const CALENDAR_MESSAGES = {
  ar: {
    planCalendar: (plan: string) => `آجال الأنشطة — ${plan}`,
    cycleCalendar: (cycle: string) => `مراحل وورشات — ${cycle}`,
    personalCalendar: 'آجالي — منصة الحكومة المنفتحة',
    activityDeadline: (activity: string, number: number) => `أجل نشاط: ${activity} (الالتزام ${number})`,
    reportDue: (number: number, commitment: string) => `موعد تقرير التقدم: الالتزام ${number} — ${commitment}`,
    phase: (phase: string, cycle: string) => `${phase} — ${cycle}`,
    workshop: (workshop: string) => `ورشة: ${workshop}`,
    phases: {
      themes: 'اقتراح المحاور',
      ideas: 'جمع الأفكار والمقترحات',
      analysis: 'تحليل ومعالجة المقترحات',
      drafting: 'صياغة الالتزامات المقترحة',
      consultation: 'الاستشارة العمومية',
      validation: 'المصادقة على الخطة',
      candidacy: 'الترشح لعضوية اللجنة',
    },
  },
  fr: {
    planCalendar: (plan: string) => `Échéances des activités — ${plan}`,
    cycleCalendar: (cycle: string) => `Phases et ateliers — ${cycle}`,
    personalCalendar: 'Mes échéances — plateforme du gouvernement ouvert',
    activityDeadline: (activity: string, number: number) => `Échéance : ${activity} (engagement ${number})`,
    reportDue: (number: number, commitment: string) =>
      `Rapport d’avancement attendu : engagement ${number} — ${commitment}`,
    phase: (phase: string, cycle: string) => `${phase} — ${cycle}`,
    workshop: (workshop: string) => `Atelier : ${workshop}`,
    phases: {
      themes: 'Proposition des thèmes',
      ideas: 'Collecte des idées et propositions',
      analysis: 'Analyse et traitement des propositions',
      drafting: 'Rédaction des engagements proposés',
      consultation: 'Consultation publique',
      validation: 'Validation du plan',
      candidacy: 'Candidatures au comité',
    },
  },
  en: {
    planCalendar: (plan: string) => `Activity deadlines — ${plan}`,
    cycleCalendar: (cycle: string) => `Phases and workshops — ${cycle}`,
    personalCalendar: 'My deadlines — open government platform',
    activityDeadline: (activity: string, number: number) => `Deadline: ${activity} (commitment ${number})`,
    reportDue: (number: number, commitment: string) => `Progress report due: commitment ${number} — ${commitment}`,
    phase: (phase: string, cycle: string) => `${phase} — ${cycle}`,
    workshop: (workshop: string) => `Workshop: ${workshop}`,
    phases: {
      themes: 'Proposing themes',
      ideas: 'Collecting ideas and proposals',
      analysis: 'Analysing the proposals',
      drafting: 'Drafting the proposed commitments',
      consultation: 'Public consultation',
      validation: 'Validating the plan',
      candidacy: 'Committee candidacies',
    },
  },
} satisfies Record<Language, unknown>;
