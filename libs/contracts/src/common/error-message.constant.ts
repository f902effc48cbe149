import { ErrorCode } from './error-code.constant';
import { Language } from './language.constant';

/** What a person reads when a call fails, in their own language. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  VALIDATION_FAILED: {
    ar: 'البيانات المرسلة غير صالحة.',
    fr: 'Les données envoyées ne sont pas valides.',
    en: 'The data sent is not valid.',
  },
  MALFORMED_JSON: {
    ar: 'نص الطلب ليس JSON صالحا.',
    fr: "Le corps de la requête n'est pas un JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  PAYLOAD_TOO_LARGE: {
    ar: 'حجم الطلب يتجاوز الحد المسموح به.',
    fr: 'La requête dépasse la taille autorisée.',
    en: 'The request is larger than allowed.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    ar: 'نوع المحتوى غير مدعوم.',
    fr: 'Type de contenu non pris en charge.',
    en: 'Unsupported content type.',
  },
  UNAUTHENTICATED: {
    ar: 'يجب تسجيل الدخول.',
    fr: 'Vous devez vous connecter.',
    en: 'You must log in.',
  },
  INVALID_CREDENTIALS: {
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Wrong e-mail or password.',
  },
  ACCOUNT_LOCKED: {
    ar: 'تم قفل الحساب مؤقتا بعد محاولات فاشلة متكررة. حاول لاحقا.',
    fr: 'Compte temporairement verrouillé après des échecs répétés. Réessayez plus tard.',
    en: 'Account temporarily locked after repeated failures. Try again later.',
  },
  TOKEN_INVALID: {
    ar: 'رمز الجلسة غير صالح أو منتهي أو ملغى.',
    fr: 'Jeton de session invalide, expiré ou révoqué.',
    en: 'Session token is invalid, expired or revoked.',
  },
  FORBIDDEN: {
    ar: 'ليست لديك صلاحية القيام بهذا الإجراء.',
    fr: "Vous n'avez pas le droit d'effectuer cette action.",
    en: 'You are not allowed to do this.',
  },
  OUT_OF_SCOPE: {
    ar: 'هذا العنصر خارج نطاق مسؤوليتك.',
    fr: 'Cet élément est hors de votre périmètre.',
    en: 'This item is outside your scope.',
  },
  NOT_FOUND: {
    ar: 'العنصر المطلوب غير موجود.',
    fr: "L'élément demandé n'existe pas.",
    en: 'The requested item does not exist.',
  },
  ROUTE_NOT_FOUND: {
    ar: 'هذا المسار غير موجود.',
    fr: "Cette route n'existe pas.",
    en: 'This route does not exist.',
  },
  ALREADY_EXISTS: {
    ar: 'هذا العنصر موجود مسبقا.',
    fr: 'Cet élément existe déjà.',
    en: 'This item already exists.',
  },
  CONFLICT: {
    ar: 'تعذر تنفيذ الطلب بسبب حالة العنصر الحالية.',
    fr: "La requête est en conflit avec l'état actuel de l'élément.",
    en: 'The request conflicts with the current state of the item.',
  },
  WINDOW_NOT_OPEN: {
    ar: 'هذا الفضاء غير مفتوح بعد. يفتح في {opensAt}.',
    fr: "Cet espace n'est pas encore ouvert. Il ouvre le {opensAt}.",
    en: 'This space is not open yet. It opens on {opensAt}.',
  },
  WINDOW_CLOSED: {
    ar: 'هذا الفضاء مغلق منذ {closesAt}.',
    fr: 'Cet espace est fermé depuis le {closesAt}.',
    en: 'This space closed on {closesAt}.',
  },
  FULL: {
    ar: 'لم تعد هناك أماكن متاحة.',
    fr: "Il n'y a plus de places disponibles.",
    en: 'There are no places left.',
  },
  ILLEGAL_TRANSITION: {
    ar: 'لا يمكن الانتقال إلى هذه المرحلة من المرحلة الحالية.',
    fr: "Cette étape ne peut pas suivre l'étape actuelle.",
    en: 'This step cannot follow the current one.',
  },
  RATE_LIMITED: {
    ar: 'طلبات كثيرة جدا. حاول بعد قليل.',
    fr: 'Trop de requêtes. Réessayez dans un instant.',
    en: 'Too many requests. Try again shortly.',
  },
  UPSTREAM_TIMEOUT: {
    ar: 'الخدمة لم تجب في الوقت المحدد.',
    fr: "Le service n'a pas répondu à temps.",
    en: 'The service did not answer in time.',
  },
  UPSTREAM_UNAVAILABLE: {
    ar: 'الخدمة غير متاحة حاليا.',
    fr: 'Le service est momentanément indisponible.',
    en: 'The service is unavailable right now.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    ar: 'مفتاح عدم التكرار هذا استُعمل لطلب مختلف.',
    fr: "Cette clé d'idempotence a déjà servi pour une autre requête.",
    en: 'This idempotency key was already used for a different request.',
  },
  PASSWORD_TOO_SHORT: {
    ar: 'كلمة المرور قصيرة جدا: يجب ألا تقل عن {minLength} حرفا.',
    fr: 'Mot de passe trop court : il faut au moins {minLength} caractères.',
    en: 'Password too short: it needs at least {minLength} characters.',
  },
  PASSWORD_TOO_COMMON: {
    ar: 'كلمة المرور هذه شائعة جدا أو سهلة التخمين. اختر عبارة أطول وغير متوقعة.',
    fr: 'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase plus longue et imprévisible.',
    en: 'This password is too common or too easy to guess. Choose a longer, unpredictable phrase.',
  },
  PASSWORD_CONTAINS_PERSONAL_DATA: {
    ar: 'يجب ألا تحتوي كلمة المرور على بريدك الإلكتروني أو اسمك.',
    fr: 'Le mot de passe ne doit contenir ni votre adresse e-mail ni votre nom.',
    en: 'The password must not contain your e-mail address or your name.',
  },
  CURRENT_PASSWORD_INVALID: {
    ar: 'كلمة المرور الحالية غير صحيحة.',
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is wrong.',
  },
  RESET_TOKEN_INVALID: {
    ar: 'رابط إعادة تعيين كلمة المرور غير صالح أو منتهي الصلاحية أو سبق استعماله. اطلب رابطا جديدا.',
    fr: 'Ce lien de réinitialisation est invalide, expiré ou déjà utilisé. Demandez-en un nouveau.',
    en: 'This password reset link is invalid, expired or already used. Ask for a new one.',
  },
  INTERNAL: {
    ar: 'حدث خطأ داخلي.',
    fr: "Une erreur interne s'est produite.",
    en: 'An internal error occurred.',
  },
};
