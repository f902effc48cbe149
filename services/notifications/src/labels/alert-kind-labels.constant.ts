import { AlertKind, Language } from '@ogp/contracts';

/** The heading of each kind of alert in an e-mail that lists several. */
export const ALERT_KIND_LABELS: Record<AlertKind, Record<Language, string>> = {
  deadline_approaching: {
    ar: 'أنشطة يقترب أجلها',
    fr: 'Activités proches de leur échéance',
    en: 'Activities nearing their deadline',
  },
  overdue: { ar: 'أنشطة متأخرة', fr: 'Activités en retard', en: 'Overdue activities' },
  overdue_escalation: {
    ar: 'تصعيد: أنشطة لا تزال متأخرة',
    fr: 'Escalade : activités toujours en retard',
    en: 'Escalation: activities still overdue',
  },
  commitment_overdue: { ar: 'التزامات متأخرة', fr: 'Engagements en retard', en: 'Overdue commitments' },
  late_reporting: {
    ar: 'التزامات دون تقرير تقدم',
    fr: "Engagements sans rapport d'avancement",
    en: 'Commitments without a progress report',
  },
  late_reporting_escalation: {
    ar: 'تصعيد: التزامات لا تزال دون تقرير',
    fr: 'Escalade : engagements toujours sans rapport',
    en: 'Escalation: commitments still without a report',
  },
  periodic_report: { ar: 'التقارير الدورية', fr: 'Rapports périodiques', en: 'Periodic reports' },
  meeting_reminder: { ar: 'تذكير بالاجتماعات', fr: 'Rappels de réunion', en: 'Meeting reminders' },
};

/** The subject and opening line of an e-mail gathering the alerts of one sweep. */
export const ALERT_BATCH_TEXT: Record<Language, { subject: string; intro: string }> = {
  ar: { subject: 'تنبيهات التتبع ({count})', intro: 'رصد التتبع الآلي العناصر التالية ({count}):' },
  fr: {
    subject: 'Alertes de suivi ({count})',
    intro: 'Le suivi automatique a relevé les éléments suivants ({count}) :',
  },
  en: { subject: 'Tracking alerts ({count})', intro: 'The automatic tracking found the following items ({count}):' },
};
