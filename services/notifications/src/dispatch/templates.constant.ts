import { FOLLOW_TEMPLATES } from './follow-templates.constant';
import { NotificationType } from './notification-type';
import { Template } from './template';

const t = (title: Template['title'], body: Template['body']): Template => ({ title, body });

/** Texts per notification type and language: one for every type (a missing one does not compile). */
export const TEMPLATES: Record<NotificationType, Template> = {
  ...FOLLOW_TEMPLATES,
  'reporting.report.done': t(
    {
      ar: 'التقرير المطلوب جاهز: {kind} ({format})',
      fr: 'Le rapport demandé est prêt : {kind} ({format})',
      en: 'Your report is ready: {kind} ({format})',
    },
    {
      ar: 'تم إعداد التقرير الذي طلبته ({kind}، بصيغة {format}) ويمكن تنزيله الآن.',
      fr: 'Le rapport que vous avez demandé ({kind}, au format {format}) a été généré et peut être téléchargé.',
      en: 'The report you requested ({kind}, as {format}) has been generated and can be downloaded.',
    },
  ),
  'reporting.report.failed': t(
    {
      ar: 'تعذر إعداد التقرير المطلوب: {kind} ({format})',
      fr: "Le rapport demandé n'a pas pu être généré : {kind} ({format})",
      en: 'Your report could not be generated: {kind} ({format})',
    },
    {
      ar: 'تعذر إعداد التقرير الذي طلبته ({kind}، بصيغة {format}). يرجى طلبه مرة أخرى.',
      fr: "Le rapport que vous avez demandé ({kind}, au format {format}) n'a pas pu être généré. Veuillez le demander à nouveau.",
      en: 'The report you requested ({kind}, as {format}) could not be generated. Please request it again.',
    },
  ),
  'commitments.programme.created': t(
    { ar: 'برنامج جديد: {name}', fr: 'Nouveau programme : {name}', en: 'New programme: {name}' },
    {
      ar: 'تم إنشاء البرنامج {name} (الرمز {code}).',
      fr: 'Le programme {name} (code {code}) a été créé.',
      en: 'Programme {name} (code {code}) was created.',
    },
  ),
  'identity.user.created': t(
    { ar: 'مرحبا بك في المنصة', fr: 'Bienvenue sur la plateforme', en: 'Welcome to the platform' },
    {
      ar: 'أنشأ فريق التنسيق حسابك بصفة {roles}.',
      fr: "L'équipe de coordination a créé votre compte ({roles}).",
      en: 'The coordination team created your account ({roles}).',
    },
  ),
  'reporting.alert.deadline_approaching': t(
    {
      ar: 'اقتراب أجل نشاط: {activity} — {title}',
      fr: "Échéance proche d'une activité : {activity} — {title}",
      en: 'Activity deadline approaching: {activity} — {title}',
    },
    {
      ar: 'ينتهي أجل النشاط «{activity}» من الالتزام {title} يوم {dueDate}.',
      fr: "L'activité « {activity} » de l'engagement {title} arrive à échéance le {dueDate}.",
      en: 'Activity "{activity}" of commitment {title} is due on {dueDate}.',
    },
  ),
  'reporting.alert.overdue': t(
    {
      ar: 'نشاط متأخر: {activity} — {title}',
      fr: 'Activité en retard : {activity} — {title}',
      en: 'Overdue activity: {activity} — {title}',
    },
    {
      ar: 'انتهى أجل النشاط «{activity}» من الالتزام {title} يوم {dueDate} ولم يكتمل بعد.',
      fr: "L'activité « {activity} » de l'engagement {title} devait être achevée le {dueDate} et ne l'est pas.",
      en: 'Activity "{activity}" of commitment {title} was due on {dueDate} and is not complete.',
    },
  ),
  'reporting.alert.overdue_escalation': t(
    {
      ar: 'تصعيد: نشاط لا يزال متأخرا: {activity} — {title}',
      fr: 'Escalade : activité toujours en retard : {activity} — {title}',
      en: 'Escalation: activity still overdue: {activity} — {title}',
    },
    {
      ar: 'لا يزال النشاط «{activity}» من الالتزام {title} متأخرا منذ {dueDate}.',
      fr: "L'activité « {activity} » de l'engagement {title} est toujours en retard depuis le {dueDate}.",
      en: 'Activity "{activity}" of commitment {title} has been overdue since {dueDate}.',
    },
  ),
  'reporting.alert.commitment_overdue': t(
    { ar: 'التزام متأخر: {title}', fr: 'Engagement en retard : {title}', en: 'Overdue commitment: {title}' },
    {
      ar: 'انتهى أجل الالتزام {title} يوم {dueDate} دون اكتماله.',
      fr: "L'engagement {title} devait s'achever le {dueDate}.",
      en: 'Commitment {title} was due on {dueDate} and is not complete.',
    },
  ),
  'reporting.alert.late_reporting': t(
    {
      ar: 'تذكير: تحيين تقدم الالتزام {title}',
      fr: "Rappel : mettre à jour l'avancement de {title}",
      en: 'Reminder: report progress on {title}',
    },
    {
      ar: 'لم يتم تسجيل أي تقدم للالتزام {title} خلال الفترة المحددة.',
      fr: "Aucun avancement n'a été déclaré pour {title} sur la période.",
      en: 'No progress has been reported on {title} this period.',
    },
  ),
  'reporting.alert.late_reporting_escalation': t(
    {
      ar: 'تصعيد: غياب تقارير التقدم للالتزام {title}',
      fr: "Escalade : pas de rapport d'avancement pour {title}",
      en: 'Escalation: no progress report on {title}',
    },
    {
      ar: 'لا يزال الالتزام {title} دون تقرير تقدم رغم التذكير.',
      fr: "L'engagement {title} n'a toujours pas de rapport malgré le rappel.",
      en: 'Commitment {title} still has no progress report after the reminder.',
    },
  ),
  'reporting.alert.periodic_report': t(
    {
      ar: 'التقرير الدوري لتتبع الالتزامات ({period})',
      fr: 'Rapport périodique de suivi ({period})',
      en: 'Periodic tracking report ({period})',
    },
    {
      ar: 'التقدم الإجمالي {progress}٪؛ {overdueActivities} نشاطا متأخرا؛ {lateCommitments} التزاما دون تقرير.',
      fr: 'Avancement global {progress} % ; {overdueActivities} activités en retard ; {lateCommitments} engagements sans rapport.',
      en: 'Overall progress {progress}%; {overdueActivities} overdue activities; {lateCommitments} commitments without a report.',
    },
  ),
  'reporting.alert.meeting_reminder': t(
    {
      ar: 'تذكير باجتماع لجنة القيادة ({period})',
      fr: 'Rappel : réunion trimestrielle du comité ({period})',
      en: "Reminder: the committee's quarterly meeting ({period})",
    },
    {
      ar: 'حان موعد الاجتماع الفصلي للجنة القيادة.',
      fr: 'La réunion trimestrielle du comité de pilotage est à organiser.',
      en: "The steering committee's quarterly meeting is due.",
    },
  ),
  'commitments.blocker.raised': t(
    {
      ar: 'طلب تدخل: {blockerTitle}',
      fr: "Demande d'intervention : {blockerTitle}",
      en: 'Intervention request: {blockerTitle}',
    },
    {
      ar: 'رفع مسؤول الالتزام {title} عائقا يتطلب تدخل لجنة القيادة.',
      fr: "Le chef de projet de {title} demande l'intervention du comité.",
      en: 'The project manager of {title} asks the committee to intervene.',
    },
  ),
  'commitments.blocker.answered': t(
    {
      ar: 'رد لجنة القيادة: {blockerTitle}',
      fr: 'Réponse du comité : {blockerTitle}',
      en: "The committee's answer: {blockerTitle}",
    },
    { ar: '{answer}', fr: '{answer}', en: '{answer}' },
  ),
  'participation.idea.fate-changed': t(
    {
      ar: 'مآل مقترحك: {ideaTitle}',
      fr: 'Le sort de votre idée : {ideaTitle}',
      en: 'The fate of your idea: {ideaTitle}',
    },
    {
      ar: 'انتقل مقترحك إلى مرحلة: {status}. {explanation}',
      fr: 'Votre idée est passée à l’étape : {status}. {explanation}',
      en: 'Your idea moved to: {status}. {explanation}',
    },
  ),
  'participation.registration.confirmed': t(
    {
      ar: 'تأكيد التسجيل في اللقاء',
      fr: "Confirmation d'inscription à l'atelier",
      en: 'Workshop registration confirmed',
    },
    {
      ar: 'رمز التأكيد: {code}. موعد اللقاء: {startsAt}.',
      fr: 'Code de confirmation : {code}. Atelier le {startsAt}.',
      en: 'Confirmation code: {code}. The workshop is on {startsAt}.',
    },
  ),
  'participation.comment.answered': t(
    { ar: 'تم الرد على تعليقك', fr: 'Votre commentaire a reçu une réponse', en: 'Your comment was answered' },
    {
      ar: 'ردت المؤسسة المعنية على تعليقك حول الالتزام المقترح.',
      fr: "L'institution concernée a répondu à votre commentaire.",
      en: 'The institution concerned answered your comment.',
    },
  ),
};

/** The types a person can choose a mode for, in the order the preferences list them. */
export const NOTIFICATION_TYPES: readonly string[] = Object.keys(TEMPLATES);
