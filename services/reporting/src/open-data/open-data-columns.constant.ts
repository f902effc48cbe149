import { Localized, OpenDataColumn, OpenDataDataset } from '@ogp/contracts';

type Column = OpenDataColumn & { width: number };

const col = (
  id: string,
  type: Column['type'],
  width: number,
  label: Localized,
  description: Localized,
  values?: Column['values'],
): Column => ({ id, type, width, label, description, ...(values ? { values } : {}) });

/** A column's coded values: [code, ar, fr, en]. */
const codes = (values: [string, string, string, string][]): Column['values'] =>
  values.map(([code, ar, fr, en]) => ({ code, label: { ar, fr, en } }));

const COMPLETION_LEVELS: Column['values'] = codes([
  ['not_started', 'لم ينطلق', 'Non commencé', 'Not started'],
  ['limited', 'محدود', 'Limité', 'Limited'],
  ['substantial', 'جوهري', 'Substantiel', 'Substantial'],
  ['complete', 'مكتمل', 'Achevé', 'Complete'],
]);
const ACTIVITY_STATUSES: Column['values'] = codes([
  ['not_started', 'لم ينطلق', 'Non commencée', 'Not started'],
  ['in_progress', 'في طور الإنجاز', 'En cours', 'In progress'],
  ['overdue', 'متأخر', 'En retard', 'Overdue'],
  ['completed', 'منجز', 'Achevée', 'Completed'],
]);
const CHANNELS: Column['values'] = codes([
  ['portal', 'البوابة', 'Portail', 'Portal'],
  ['workshop', 'ورشة', 'Atelier', 'Workshop'],
]);
const FATES: Column['values'] = codes([
  ['received', 'تم التوصل بها', 'Reçue', 'Received'],
  ['accepted', 'مقبولة', 'Acceptée', 'Accepted'],
  ['rejected', 'مرفوضة', 'Rejetée', 'Rejected'],
  ['grouped', 'مجمعة', 'Regroupée', 'Grouped'],
  ['shared', 'محالة على المؤسسة', 'Transmise à l’institution', 'Shared with the institution'],
  ['studied', 'مدروسة', 'Étudiée', 'Studied'],
  ['retained', 'محتفظ بها', 'Retenue', 'Retained'],
  ['not_retained', 'غير محتفظ بها', 'Non retenue', 'Not retained'],
]);

/** Every open dataset's columns, in file order: the data dictionary and the files' headers come from here. */
export const OPEN_DATA_COLUMNS: Record<
  OpenDataDataset,
  { subject: 'plan' | 'cycle'; description: Localized; columns: Column[] }
> = {
  commitments: {
    subject: 'plan',
    description: {
      ar: 'التزامات خطة العمل مع تقدمها ومستوى إنجازها',
      fr: 'Les engagements du plan d’action, leur avancement et leur niveau d’achèvement',
      en: 'The action plan’s commitments, their progress and completion level',
    },
    columns: [
      col(
        'number',
        'number',
        10,
        { ar: 'الرقم', fr: 'Numéro', en: 'Number' },
        {
          ar: 'رقم الالتزام في الخطة',
          fr: 'Numéro de l’engagement dans le plan',
          en: 'The commitment’s number in the plan',
        },
      ),
      col(
        'area',
        'text',
        30,
        { ar: 'المحور', fr: 'Axe', en: 'Area' },
        {
          ar: 'محور الخطة الذي ينتمي إليه الالتزام',
          fr: 'L’axe du plan auquel appartient l’engagement',
          en: 'The plan area the commitment belongs to',
        },
      ),
      col(
        'title',
        'text',
        50,
        { ar: 'الالتزام', fr: 'Engagement', en: 'Commitment' },
        { ar: 'عنوان الالتزام', fr: 'Titre de l’engagement', en: 'The commitment’s title' },
      ),
      col(
        'lead_institution',
        'text',
        30,
        { ar: 'المؤسسة المسؤولة', fr: 'Institution responsable', en: 'Lead institution' },
        {
          ar: 'المؤسسة التي تقود تنفيذ الالتزام',
          fr: 'L’institution qui pilote la mise en œuvre',
          en: 'The institution leading the implementation',
        },
      ),
      col(
        'start_date',
        'date',
        14,
        { ar: 'تاريخ البداية', fr: 'Date de début', en: 'Start date' },
        { ar: 'تاريخ بداية الالتزام (YYYY-MM-DD)', fr: 'Date de début (AAAA-MM-JJ)', en: 'Start date (YYYY-MM-DD)' },
      ),
      col(
        'end_date',
        'date',
        14,
        { ar: 'تاريخ النهاية', fr: 'Date de fin', en: 'End date' },
        { ar: 'تاريخ نهاية الالتزام (YYYY-MM-DD)', fr: 'Date de fin (AAAA-MM-JJ)', en: 'End date (YYYY-MM-DD)' },
      ),
      col(
        'progress',
        'number',
        12,
        { ar: 'نسبة التقدم (%)', fr: 'Avancement (%)', en: 'Progress (%)' },
        {
          ar: 'نسبة التقدم من 0 إلى 100، محسوبة من الأنشطة المنجزة وأوزانها',
          fr: 'Avancement de 0 à 100, calculé à partir des activités réalisées et de leurs poids',
          en: 'Progress from 0 to 100, computed from the completed activities and their weights',
        },
      ),
      col(
        'completion_level',
        'code',
        16,
        { ar: 'مستوى الإنجاز', fr: 'Niveau d’achèvement', en: 'Completion level' },
        {
          ar: 'مستوى الإنجاز حسب مصفوفة التتبع',
          fr: 'Niveau d’achèvement selon la matrice de suivi OGP',
          en: 'Completion level as in the OGP tracking matrix',
        },
        COMPLETION_LEVELS,
      ),
      col(
        'activities',
        'number',
        10,
        { ar: 'عدد الأنشطة', fr: 'Activités', en: 'Activities' },
        {
          ar: 'عدد أنشطة الالتزام',
          fr: 'Nombre d’activités de l’engagement',
          en: 'Number of the commitment’s activities',
        },
      ),
      col(
        'results',
        'text',
        50,
        { ar: 'النتائج', fr: 'Résultats', en: 'Results' },
        {
          ar: 'آخر وصف للنتائج المبلغ عنها',
          fr: 'La dernière description des résultats rapportés',
          en: 'The latest description of the reported results',
        },
      ),
    ],
  },
  activities: {
    subject: 'plan',
    description: {
      ar: 'أنشطة التزامات الخطة مع آجالها ووضعيتها',
      fr: 'Les activités des engagements du plan, leurs échéances et leur état',
      en: 'The activities of the plan’s commitments, their deadlines and status',
    },
    columns: [
      col(
        'commitment_number',
        'number',
        10,
        { ar: 'رقم الالتزام', fr: 'N° d’engagement', en: 'Commitment number' },
        {
          ar: 'رقم الالتزام الذي ينتمي إليه النشاط',
          fr: 'Numéro de l’engagement de l’activité',
          en: 'The number of the activity’s commitment',
        },
      ),
      col(
        'commitment',
        'text',
        40,
        { ar: 'الالتزام', fr: 'Engagement', en: 'Commitment' },
        { ar: 'عنوان الالتزام', fr: 'Titre de l’engagement', en: 'The commitment’s title' },
      ),
      col(
        'activity',
        'text',
        50,
        { ar: 'النشاط', fr: 'Activité', en: 'Activity' },
        { ar: 'عنوان النشاط', fr: 'Titre de l’activité', en: 'The activity’s title' },
      ),
      col(
        'end_date',
        'date',
        14,
        { ar: 'الأجل', fr: 'Échéance', en: 'Deadline' },
        {
          ar: 'تاريخ نهاية النشاط (YYYY-MM-DD)',
          fr: 'Date de fin de l’activité (AAAA-MM-JJ)',
          en: 'The activity’s end date (YYYY-MM-DD)',
        },
      ),
      col(
        'progress',
        'number',
        12,
        { ar: 'نسبة الإنجاز (%)', fr: 'Réalisation (%)', en: 'Progress (%)' },
        {
          ar: 'آخر نسبة إنجاز مبلغ عنها من 0 إلى 100',
          fr: 'Dernière réalisation rapportée, de 0 à 100',
          en: 'Latest reported progress, from 0 to 100',
        },
      ),
      col(
        'status',
        'code',
        16,
        { ar: 'الوضعية', fr: 'État', en: 'Status' },
        {
          ar: 'وضعية النشاط (المتأخر: تجاوز أجله دون أن يكتمل)',
          fr: 'État de l’activité (en retard : échéance passée sans achèvement)',
          en: 'The activity’s status (overdue: past its end date and not complete)',
        },
        ACTIVITY_STATUSES,
      ),
    ],
  },
  ideas: {
    subject: 'cycle',
    description: {
      ar: 'الأفكار والمقترحات المعروضة للعموم في دورة الإنشاء المشترك ومآلها المنشور، دون أي معطيات شخصية عن أصحابها',
      fr: 'Les idées et propositions publiques du cycle de co-création et leur sort publié, sans aucune donnée personnelle de leurs auteurs',
      en: 'The co-creation cycle’s public ideas and proposals and their published fate, with no personal data of their authors',
    },
    columns: [
      col(
        'id',
        'text',
        38,
        { ar: 'المعرف', fr: 'Identifiant', en: 'Identifier' },
        {
          ar: 'معرف الفكرة على البوابة',
          fr: 'Identifiant de l’idée sur le portail',
          en: 'The idea’s identifier on the portal',
        },
      ),
      col(
        'theme_number',
        'number',
        10,
        { ar: 'رقم المحور', fr: 'N° de thème', en: 'Theme number' },
        { ar: 'رقم المحور', fr: 'Numéro du thème', en: 'The theme’s number' },
      ),
      col(
        'theme',
        'text',
        30,
        { ar: 'المحور', fr: 'Thème', en: 'Theme' },
        { ar: 'عنوان المحور', fr: 'Titre du thème', en: 'The theme’s title' },
      ),
      col(
        'channel',
        'code',
        12,
        { ar: 'القناة', fr: 'Canal', en: 'Channel' },
        {
          ar: 'قناة تقديم الفكرة',
          fr: 'Le canal par lequel l’idée est arrivée',
          en: 'The channel the idea came through',
        },
        CHANNELS,
      ),
      col(
        'workshop_number',
        'number',
        10,
        { ar: 'رقم الورشة', fr: 'N° d’atelier', en: 'Workshop number' },
        {
          ar: 'رقم الورشة للأفكار الواردة من الورشات',
          fr: 'Numéro de l’atelier, pour les idées issues d’un atelier',
          en: 'The workshop’s number, for ideas from a workshop',
        },
      ),
      col(
        'title',
        'text',
        40,
        { ar: 'الفكرة', fr: 'Idée', en: 'Idea' },
        { ar: 'عنوان الفكرة', fr: 'Titre de l’idée', en: 'The idea’s title' },
      ),
      col(
        'body',
        'text',
        60,
        { ar: 'النص', fr: 'Texte', en: 'Text' },
        { ar: 'نص الفكرة', fr: 'Texte de l’idée', en: 'The idea’s text' },
      ),
      col(
        'institution',
        'text',
        30,
        { ar: 'المؤسسة المعنية', fr: 'Institution concernée', en: 'Institution concerned' },
        {
          ar: 'المؤسسة المعنية بالفكرة',
          fr: 'L’institution concernée par l’idée',
          en: 'The institution the idea concerns',
        },
      ),
      col(
        'submitted_on',
        'date',
        14,
        { ar: 'تاريخ التقديم', fr: 'Date de dépôt', en: 'Submitted on' },
        {
          ar: 'تاريخ تقديم الفكرة (UTC)',
          fr: 'Date de dépôt de l’idée (UTC)',
          en: 'The day the idea was submitted (UTC)',
        },
      ),
      col(
        'supports',
        'number',
        10,
        { ar: 'التأييدات', fr: 'Soutiens', en: 'Supports' },
        { ar: 'عدد المؤيدين', fr: 'Nombre de soutiens', en: 'Number of supporters' },
      ),
      col(
        'fate',
        'code',
        18,
        { ar: 'المآل', fr: 'Sort', en: 'Fate' },
        {
          ar: 'مآل الفكرة بعد نشره (فارغ قبل ذلك)',
          fr: 'Le sort de l’idée une fois publié (vide avant)',
          en: 'The idea’s fate once published (empty before)',
        },
        FATES,
      ),
      col(
        'fate_explanation',
        'text',
        50,
        { ar: 'تعليل المآل', fr: 'Explication du sort', en: 'Fate explanation' },
        {
          ar: 'التعليل المنشور، خاصة للأفكار غير المحتفظ بها',
          fr: 'L’explication publiée, notamment pour les idées non retenues',
          en: 'The published explanation, notably for ideas not retained',
        },
      ),
      col(
        'fate_published_on',
        'date',
        14,
        { ar: 'تاريخ نشر المآل', fr: 'Sort publié le', en: 'Fate published on' },
        {
          ar: 'تاريخ نشر المآل (UTC)',
          fr: 'Date de publication du sort (UTC)',
          en: 'The day the fate was published (UTC)',
        },
      ),
      col(
        'draft_commitment_number',
        'number',
        12,
        { ar: 'الالتزام المقترح', fr: 'Engagement proposé', en: 'Proposed commitment' },
        {
          ar: 'رقم الالتزام المقترح الذي أدمجت فيه الفكرة',
          fr: 'Numéro de l’engagement proposé qui a retenu l’idée',
          en: 'The number of the proposed commitment the idea went into',
        },
      ),
    ],
  },
  statistics: {
    subject: 'cycle',
    description: {
      ar: 'إحصائيات المشاركة في دورة الإنشاء المشترك',
      fr: 'Les statistiques de participation du cycle de co-création',
      en: 'The co-creation cycle’s participation statistics',
    },
    columns: [
      col(
        'measure',
        'text',
        30,
        { ar: 'المؤشر', fr: 'Mesure', en: 'Measure' },
        { ar: 'معرف المؤشر', fr: 'Identifiant de la mesure', en: 'The measure’s identifier' },
      ),
      col(
        'label',
        'text',
        50,
        { ar: 'الوصف', fr: 'Libellé', en: 'Label' },
        { ar: 'وصف المؤشر', fr: 'Libellé de la mesure', en: 'What the measure counts' },
      ),
      col(
        'value',
        'number',
        12,
        { ar: 'القيمة', fr: 'Valeur', en: 'Value' },
        { ar: 'قيمة المؤشر', fr: 'Valeur de la mesure', en: 'The measure’s value' },
      ),
    ],
  },
};
