import type { FollowNotificationType } from './notification-type';
import type { Template } from './template';

/** Texts of what followers (and a commitment's project managers) are told; {placeholders} are filled from the event. */
export const FOLLOW_TEMPLATES: Record<FollowNotificationType, Template> = {
  'commitments.progress.reported': {
    title: {
      ar: 'تقرير تقدم جديد: {title}',
      fr: "Nouveau rapport d'avancement : {title}",
      en: 'New progress report: {title}',
    },
    body: {
      ar: 'بلغ تقدم النشاط «{activity}» من الالتزام {title} {progress}٪ بتاريخ {reportedOn}.',
      fr: "L'activité « {activity} » de l'engagement {title} est avancée à {progress} % au {reportedOn}.",
      en: 'Activity "{activity}" of commitment {title} is {progress}% complete as of {reportedOn}.',
    },
  },
  'commitments.completion-level.changed': {
    title: {
      ar: 'مستوى إنجاز جديد: {title}',
      fr: "Nouveau niveau d'achèvement : {title}",
      en: 'New completion level: {title}',
    },
    body: {
      ar: 'انتقل مستوى إنجاز الالتزام {title} من «{before}» إلى «{after}».',
      fr: "Le niveau d'achèvement de l'engagement {title} passe de « {before} » à « {after} ».",
      en: 'The completion level of commitment {title} moved from "{before}" to "{after}".',
    },
  },
  'participation.cycle.phase-opened': {
    title: {
      ar: 'انطلاق مرحلة: {phase} — {title}',
      fr: 'Ouverture de la phase : {phase} — {title}',
      en: 'Phase opened: {phase} — {title}',
    },
    body: {
      ar: 'انطلقت مرحلة «{phase}» من دورة الإنشاء المشترك {title}، وتستمر إلى غاية {closesAt}.',
      fr: "La phase « {phase} » du cycle de co-création {title} est ouverte jusqu'au {closesAt}.",
      en: 'The "{phase}" phase of co-creation cycle {title} is open until {closesAt}.',
    },
  },
  'participation.publication.published': {
    title: { ar: 'منشور جديد: {title}', fr: 'Nouvelle publication : {title}', en: 'New publication: {title}' },
    body: {
      ar: 'منشور جديد ({kind}) في دورة الإنشاء المشترك {cycle} التي تتابعها: {title}.',
      fr: 'Nouvelle publication ({kind}) dans le cycle de co-création {cycle} que vous suivez : {title}.',
      en: 'A new publication ({kind}) in the co-creation cycle {cycle} you follow: {title}.',
    },
  },
};

/** Types a person hears of because they follow the item (or manage it): e-mailed at once unless they chose otherwise. */
export const FOLLOW_TYPES: readonly string[] = Object.keys(FOLLOW_TEMPLATES);
