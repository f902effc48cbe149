import { Language } from './language.constant';

/**
 * What a person reads about one field, per rule, in their own language. {field} is the field's
 * path, {0} and {1} the rule's values (a length, a bound, the accepted values).
 */
export const FIELD_MESSAGES: Record<string, Record<Language, string>> = {
  invalid: {
    ar: 'قيمة الحقل «{field}» غير صالحة.',
    fr: "La valeur du champ « {field} » n'est pas valide.",
    en: 'The value of "{field}" is not valid.',
  },
  required: {
    ar: 'الحقل «{field}» مطلوب.',
    fr: 'Le champ « {field} » est obligatoire.',
    en: 'The field "{field}" is required.',
  },
  isDefined: {
    ar: 'الحقل «{field}» مطلوب.',
    fr: 'Le champ « {field} » est obligatoire.',
    en: 'The field "{field}" is required.',
  },
  whitelistValidation: {
    ar: 'الحقل «{field}» غير مقبول هنا.',
    fr: "Le champ « {field} » n'est pas accepté ici.",
    en: 'The field "{field}" is not accepted here.',
  },
  unknownValue: {
    ar: 'يجب أن يكون «{field}» كائن JSON.',
    fr: '« {field} » doit être un objet JSON.',
    en: '"{field}" must be a JSON object.',
  },
  isObject: {
    ar: 'يجب أن يكون الحقل «{field}» كائن JSON.',
    fr: 'Le champ « {field} » doit être un objet JSON.',
    en: 'The field "{field}" must be a JSON object.',
  },
  nestedValidation: {
    ar: 'يجب أن يكون الحقل «{field}» كائن JSON.',
    fr: 'Le champ « {field} » doit être un objet JSON.',
    en: 'The field "{field}" must be a JSON object.',
  },
  isString: {
    ar: 'يجب أن يكون الحقل «{field}» نصا.',
    fr: 'Le champ « {field} » doit être un texte.',
    en: 'The field "{field}" must be text.',
  },
  isNotEmpty: {
    ar: 'يجب ألا يكون الحقل «{field}» فارغا.',
    fr: 'Le champ « {field} » ne doit pas être vide.',
    en: 'The field "{field}" must not be empty.',
  },
  isLength: {
    ar: 'يجب أن يتراوح طول الحقل «{field}» بين {0} و{1} حرفا.',
    fr: 'Le champ « {field} » doit compter entre {0} et {1} caractères.',
    en: 'The field "{field}" must be {0} to {1} characters long.',
  },
  minLength: {
    ar: 'يجب ألا يقل طول الحقل «{field}» عن {0} حرفا.',
    fr: 'Le champ « {field} » doit compter au moins {0} caractères.',
    en: 'The field "{field}" must be at least {0} characters long.',
  },
  maxLength: {
    ar: 'يجب ألا يتجاوز طول الحقل «{field}» {0} حرفا.',
    fr: 'Le champ « {field} » ne doit pas dépasser {0} caractères.',
    en: 'The field "{field}" must be at most {0} characters long.',
  },
  isInt: {
    ar: 'يجب أن يكون الحقل «{field}» عددا صحيحا.',
    fr: 'Le champ « {field} » doit être un nombre entier.',
    en: 'The field "{field}" must be a whole number.',
  },
  isNumber: {
    ar: 'يجب أن يكون الحقل «{field}» عددا.',
    fr: 'Le champ « {field} » doit être un nombre.',
    en: 'The field "{field}" must be a number.',
  },
  min: {
    ar: 'يجب ألا تقل قيمة الحقل «{field}» عن {0}.',
    fr: 'Le champ « {field} » doit valoir au moins {0}.',
    en: 'The field "{field}" must be at least {0}.',
  },
  max: {
    ar: 'يجب ألا تتجاوز قيمة الحقل «{field}» {0}.',
    fr: 'Le champ « {field} » doit valoir au plus {0}.',
    en: 'The field "{field}" must be at most {0}.',
  },
  isBoolean: {
    ar: 'يجب أن تكون قيمة الحقل «{field}» true أو false.',
    fr: 'Le champ « {field} » doit valoir true ou false.',
    en: 'The field "{field}" must be true or false.',
  },
  isIn: {
    ar: 'يجب أن تكون قيمة الحقل «{field}» إحدى القيم التالية: {0}.',
    fr: "Le champ « {field} » doit valoir l'une de ces valeurs : {0}.",
    en: 'The field "{field}" must be one of: {0}.',
  },
  isEnum: {
    ar: 'قيمة الحقل «{field}» ليست من القيم المقبولة.',
    fr: "La valeur du champ « {field} » n'est pas une valeur acceptée.",
    en: 'The value of "{field}" is not one of the accepted values.',
  },
  isUuid: {
    ar: 'يجب أن يكون الحقل «{field}» معرفا من نوع UUID.',
    fr: 'Le champ « {field} » doit être un identifiant UUID.',
    en: 'The field "{field}" must be a UUID.',
  },
  isArray: {
    ar: 'يجب أن يكون الحقل «{field}» قائمة.',
    fr: 'Le champ « {field} » doit être une liste.',
    en: 'The field "{field}" must be a list.',
  },
  arrayMinSize: {
    ar: 'يجب أن تضم القائمة «{field}» {0} عنصرا على الأقل.',
    fr: 'La liste « {field} » doit contenir au moins {0} élément(s).',
    en: 'The list "{field}" must have at least {0} item(s).',
  },
  arrayMaxSize: {
    ar: 'يجب ألا تضم القائمة «{field}» أكثر من {0} عنصرا.',
    fr: 'La liste « {field} » doit contenir au plus {0} élément(s).',
    en: 'The list "{field}" must have at most {0} item(s).',
  },
  arrayUnique: {
    ar: 'يجب ألا تتكرر العناصر في القائمة «{field}».',
    fr: 'La liste « {field} » ne doit pas contenir de doublons.',
    en: 'The list "{field}" must not contain duplicates.',
  },
  isEmail: {
    ar: 'يجب أن يكون الحقل «{field}» عنوان بريد إلكتروني صالحا.',
    fr: 'Le champ « {field} » doit être une adresse e-mail valide.',
    en: 'The field "{field}" must be a valid e-mail address.',
  },
  isUrl: {
    ar: 'يجب أن يكون الحقل «{field}» رابطا يبدأ بـ http:// أو https://.',
    fr: 'Le champ « {field} » doit être un lien http:// ou https://.',
    en: 'The field "{field}" must be an http:// or https:// link.',
  },
  matches: {
    ar: 'صيغة الحقل «{field}» غير صحيحة.',
    fr: "Le format du champ « {field} » n'est pas correct.",
    en: 'The field "{field}" is not in the expected format.',
  },
  codeFormat: {
    ar: 'يجب أن يتكون الحقل «{field}» من 1 إلى {0} حرفا لاتينيا أو رقما أو . أو - أو _.',
    fr: 'Le champ « {field} » doit compter de 1 à {0} lettres latines, chiffres, « . », « - » ou « _ ».',
    en: 'The field "{field}" must be 1 to {0} Latin letters, digits, ".", "-" or "_".',
  },
  phoneFormat: {
    ar: 'يجب أن يكون الحقل «{field}» رقم هاتف: من 6 إلى 30 من الأرقام أو المسافات أو + أو - أو الأقواس.',
    fr: 'Le champ « {field} » doit être un numéro de téléphone : 6 à 30 chiffres, espaces, +, - ou parenthèses.',
    en: 'The field "{field}" must be a phone number: 6 to 30 digits, spaces, +, - or brackets.',
  },
  fileNameFormat: {
    ar: 'يجب أن يكون الحقل «{field}» اسم ملف بسيطا لا يتجاوز 120 حرفا.',
    fr: 'Le champ « {field} » doit être un simple nom de fichier de 120 caractères au plus.',
    en: 'The field "{field}" must be a plain file name of at most 120 characters.',
  },
  base64Format: {
    ar: 'يجب أن يكون الحقل «{field}» بترميز base64.',
    fr: 'Le champ « {field} » doit être encodé en base64.',
    en: 'The field "{field}" must be base64.',
  },
  strategyFormat: {
    ar: 'يجب أن يكون الحقل «{field}» مفتاح استراتيجية تتبع (حروف لاتينية صغيرة أو أرقام أو - أو _، وقد يسبقها remote:).',
    fr: 'Le champ « {field} » doit être une clé de stratégie de suivi (minuscules latines, chiffres, - ou _, éventuellement précédés de remote:).',
    en: 'The field "{field}" must be a tracking strategy key (lowercase Latin letters, digits, - or _, optionally after remote:).',
  },
  unknownStrategy: {
    ar: 'استراتيجية التتبع «{0}» في الحقل «{field}» غير معروفة.',
    fr: 'La stratégie de suivi « {0} » du champ « {field} » est inconnue.',
    en: 'The tracking strategy "{0}" in "{field}" is unknown.',
  },
  isCalendarDate: {
    ar: 'يجب أن يكون الحقل «{field}» تاريخا موجودا بصيغة YYYY-MM-DD.',
    fr: 'Le champ « {field} » doit être une date existante au format AAAA-MM-JJ.',
    en: 'The field "{field}" must be a date that exists, written YYYY-MM-DD.',
  },
  isInstant: {
    ar: 'يجب أن يكون الحقل «{field}» تاريخا ووقتا موجودين بصيغة ISO 8601 (YYYY-MM-DDTHH:MM:SSZ).',
    fr: 'Le champ « {field} » doit être une date et une heure existantes au format ISO 8601 (AAAA-MM-JJTHH:MM:SSZ).',
    en: 'The field "{field}" must be a date and time that exist, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ).',
  },
  notBefore: {
    ar: 'يجب ألا يسبق الحقل «{field}» الحقل «{0}».',
    fr: 'Le champ « {field} » ne doit pas précéder « {0} ».',
    en: 'The field "{field}" must not be before "{0}".',
  },
  after: {
    ar: 'يجب أن يأتي الحقل «{field}» بعد الحقل «{0}».',
    fr: 'Le champ « {field} » doit venir après « {0} ».',
    en: 'The field "{field}" must be after "{0}".',
  },
  notInFuture: {
    ar: 'يجب ألا يكون تاريخ الحقل «{field}» في المستقبل.',
    fr: 'La date du champ « {field} » ne doit pas être dans le futur.',
    en: 'The date in "{field}" must not be in the future.',
  },
  duplicate: {
    ar: 'القائمة «{field}» تتضمن عنصرا مكررا.',
    fr: 'La liste « {field} » contient un doublon.',
    en: 'The list "{field}" has an item twice.',
  },
  nothingToChange: {
    ar: 'لا يتضمن الطلب أي تغيير.',
    fr: 'La requête ne contient aucun changement.',
    en: 'The request changes nothing.',
  },
  contentMismatch: {
    ar: 'نوع الملف المصرح به في الحقل «{field}» لا يطابق محتواه.',
    fr: 'Le type de fichier déclaré dans « {field} » ne correspond pas à son contenu.',
    en: 'The file type given in "{field}" does not match its content.',
  },
  unknownReference: {
    ar: 'الحقل «{field}» يشير إلى عنصر غير موجود: {0}.',
    fr: 'Le champ « {field} » désigne un élément inconnu : {0}.',
    en: 'The field "{field}" names something that does not exist: {0}.',
  },
  inconsistentRows: {
    ar: 'قيمة الحقل «{field}» تختلف عن قيمته في السطر {0} لنفس الالتزام.',
    fr: 'La valeur du champ « {field} » diffère de celle de la ligne {0} pour le même engagement.',
    en: 'The value of "{field}" differs from line {0} for the same commitment.',
  },
  missingColumns: {
    ar: 'تنقص الملف الأعمدة التالية: {field}.',
    fr: 'Il manque ces colonnes au fichier : {field}.',
    en: 'The file lacks these columns: {field}.',
  },
  emptyFile: {
    ar: 'الملف فارغ.',
    fr: 'Le fichier est vide.',
    en: 'The file is empty.',
  },
  fileSize: {
    ar: 'يجب أن يتراوح حجم الملف في الحقل «{field}» بين بايت واحد و{0} بايت.',
    fr: 'Le fichier du champ « {field} » doit peser entre 1 et {0} octets.',
    en: 'The file in "{field}" must be 1 to {0} bytes.',
  },
  timeZone: {
    ar: 'الحقل «{field}» ليس منطقة زمنية معروفة (مثل Africa/Casablanca).',
    fr: "Le champ « {field} » n'est pas un fuseau horaire connu (par exemple Africa/Casablanca).",
    en: 'The field "{field}" is not a known time zone (such as Africa/Casablanca).',
  },
  noNulCharacter: {
    ar: 'يحتوي الحقل «{field}» على المحرف NUL غير المسموح به.',
    fr: 'Le champ « {field} » contient le caractère NUL, qui est interdit.',
    en: 'The field "{field}" contains a NUL character, which is not allowed.',
  },
  wellFormedText: {
    ar: 'يحتوي الحقل «{field}» على نص يونيكود غير سليم (محرف بديل منفرد).',
    fr: 'Le champ « {field} » contient du texte Unicode mal formé (demi-caractère isolé).',
    en: 'The field "{field}" contains malformed Unicode text (a lone surrogate).',
  },
  maxDepth: {
    ar: 'الحقل «{field}» متداخل بعمق يتجاوز المسموح به.',
    fr: 'Le champ « {field} » est imbriqué trop profondément.',
    en: 'The field "{field}" is nested too deeply.',
  },
};
