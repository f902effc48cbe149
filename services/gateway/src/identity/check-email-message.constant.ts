import { Language } from '@ogp/contracts';

/** The one answer of registration and of a reset request, whatever the address: nothing tells whether it has an account. */
export const CHECK_EMAIL_MESSAGE: Record<'registration' | 'passwordReset', Record<Language, string>> = {
  registration: {
    ar: 'شكرا. أرسلنا رسالة إلى هذا العنوان: اطلع على بريدك الإلكتروني لمتابعة التسجيل.',
    fr: 'Merci. Un e-mail a été envoyé à cette adresse : consultez votre messagerie pour continuer.',
    en: 'Thank you. An e-mail was sent to this address: check your inbox to continue.',
  },
  passwordReset: {
    ar: 'إذا كان هذا العنوان مرتبطا بحساب، فستصلك رسالة تتضمن رابطا لإعادة تعيين كلمة المرور صالحا لمدة 30 دقيقة.',
    fr: "Si cette adresse correspond à un compte, un e-mail avec un lien de réinitialisation valable 30 minutes vient d'être envoyé.",
    en: 'If this address belongs to an account, an e-mail with a reset link valid for 30 minutes is on its way.',
  },
};
