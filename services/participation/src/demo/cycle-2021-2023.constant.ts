/**
 * The 2021-2023 co-creation cycle as the synthesis report (seed 001) records it: ten themes,
 * ten workshops with their organisers, dates and institutions, participants per workshop, ideas
 * per theme and channel, 24 proposed commitments from 11 institutions, and a four-week
 * consultation with 28 comments from 5 participants.
 */
export const THEMES_2021: { ar: string; fr: string; en: string }[] = [
  { ar: 'الديمقراطية التشاركية', fr: 'Démocratie participative', en: 'Participatory democracy' },
  { ar: 'المساواة بين الجنسين', fr: 'Égalité des genres', en: 'Gender equality' },
  {
    ar: 'الابتكار والحكامة الرقمية',
    fr: 'Innovation et gouvernance numérique',
    en: 'Innovation and digital governance',
  },
  { ar: 'العدالة المنفتحة', fr: 'Justice ouverte', en: 'Open justice' },
  {
    ar: 'شفافية الميزانية والعدالة الضريبية',
    fr: 'Transparence budgétaire et justice fiscale',
    en: 'Budget transparency and tax justice',
  },
  {
    ar: 'البيئة والولوج للموارد الطبيعية',
    fr: 'Environnement et accès aux ressources naturelles',
    en: 'Environment and access to natural resources',
  },
  { ar: 'النزاهة ومحاربة الرشوة', fr: 'Intégrité et lutte contre la corruption', en: 'Integrity and anti-corruption' },
  {
    ar: 'الشمولية والعدالة الترابية',
    fr: 'Inclusion et justice territoriale',
    en: 'Inclusion and territorial justice',
  },
  { ar: 'جودة الخدمات العمومية', fr: 'Qualité des services publics', en: 'Quality of public services' },
  { ar: 'الولوج للمعلومة', fr: "Accès à l'information", en: 'Access to information' },
];

/** Workshop n covers theme n. */
export const WORKSHOPS_2021: {
  date: string;
  organiser: string;
  institutions: string[];
  registered: number;
  present: number;
}[] = [
  {
    date: '2020-10-09',
    organiser: 'الفضاء الجمعي',
    institutions: [
      'وزارة الداخلية/المديرية العامة للجماعات الترابية',
      'القطاع المكلف بالعلاقات مع المجتمع المدني',
      'وزارة الاقتصاد والمالية وإصلاح الإدارة/مديرية الميزانية',
      'قطاع إصلاح الإدارة',
    ],
    registered: 229,
    present: 87,
  },
  {
    date: '2020-10-14',
    organiser: 'الجمعية الديموقراطية لنساء المغرب',
    institutions: ['وزارة الداخلية', 'وزارة التضامن والتنمية الاجتماعية والمساواة', 'قطاع إصلاح الإدارة'],
    registered: 104,
    present: 91,
  },
  {
    date: '2020-10-16',
    organiser: 'منظمة حريات الإعلام والتعبير - حاتم',
    institutions: ['وكالة التنمية الرقمية', 'وزارة التربية الوطنية', 'قطاع إصلاح الإدارة'],
    registered: 179,
    present: 43,
  },
  {
    date: '2020-10-20',
    organiser: 'نادي قضاة المغرب',
    institutions: ['المجلس الأعلى للقضاء', 'وزارة العدل', 'رئاسة النيابة العامة', 'قطاع إصلاح الإدارة'],
    registered: 184,
    present: 24,
  },
  {
    date: '2020-10-22',
    organiser: 'ترانسبرانسي المغرب',
    institutions: ['وزارة الاقتصاد والمالية وإصلاح الإدارة/مديرية الميزانية', 'قطاع إصلاح الإدارة'],
    registered: 264,
    present: 38,
  },
  {
    date: '2020-10-24',
    organiser: 'الائتلاف المغربي من أجل المناخ والتنمية المستدامة',
    institutions: ['وزارة الطاقة والمعادن والبيئة', 'قطاع إصلاح الإدارة'],
    registered: 295,
    present: 77,
  },
  {
    date: '2020-10-26',
    organiser: 'جمعية برلمانيون مغاربة ضد الفساد',
    institutions: ['الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها', 'قطاع إصلاح الإدارة'],
    registered: 381,
    present: 49,
  },
  {
    date: '2020-10-28',
    organiser: 'جمعية حركة بدائل مواطنة',
    institutions: [
      'وزارة الداخلية/المديرية العامة للجماعات الترابية',
      'القطاع المكلف بالعلاقات مع المجتمع المدني',
      'قطاع إصلاح الإدارة',
    ],
    registered: 392,
    present: 55,
  },
  {
    date: '2020-10-29',
    organiser: 'ترانسبرانسي المغرب',
    institutions: ['قطاع التربية الوطنية', 'وزارة التشغيل', 'قطاع إصلاح الإدارة'],
    registered: 515,
    present: 58,
  },
  {
    date: '2020-11-03',
    organiser: 'المنتدى المغربي للصحافيين الشباب',
    institutions: [
      'لجنة الحق في الحصول على المعلومات',
      'وزارة الداخلية/المديرية العامة للجماعات الترابية',
      'قطاع إصلاح الإدارة',
    ],
    registered: 557,
    present: 50,
  },
];

export const PORTAL_IDEAS_BY_THEME = [14, 52, 10, 4, 7, 21, 22, 11, 26, 12];
export const WORKSHOP_IDEAS_BY_THEME = [5, 2, 11, 4, 6, 5, 6, 6, 3, 5];
/** Portal participants who interacted with ideas without proposing one. */
export const PORTAL_INTERACTING = 53;
export const PROPOSED_COMMITMENTS = 24;
export const PROPOSING_INSTITUTIONS = 11;
export const CONSULTATION = {
  opensAt: '2021-05-03T00:00:00Z',
  closesAt: '2021-05-31T00:00:00Z',
  participants: 5,
  comments: 28,
};

/** The standard agenda of the ten workshops. */
export const STANDARD_AGENDA = [
  { item: 'افتتاح اللقاء: كلمة الجمعية المنظمة وكلمة قطاع إصلاح الإدارة', minutes: 10 },
  { item: 'التحسيس والتعريف بالحكومة المنفتحة', minutes: 20 },
  { item: 'تقديم المنهجية والمخرجات المنتظرة', minutes: 10 },
  { item: 'عرض حول المحور المعني', minutes: 30 },
  { item: 'تجميع الأفكار والمقترحات: استطلاع الرأي، ترتيب الإشكاليات حسب الأولوية واقتراح الحلول', minutes: 60 },
  { item: 'اختتام اللقاء: الخلاصات والمحطات المقبلة', minutes: 10 },
];
