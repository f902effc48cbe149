import { AccountMailEvents, Language } from '@ogp/contracts';

/** An account e-mail by its event's name in `AccountMailEvents`. */
export type AccountMailName = keyof typeof AccountMailEvents;

export interface AccountTemplate {
  subject: Record<Language, string>;
  text: Record<Language, string>;
}

/**
 * Account e-mails (welcome, someone tried to register, password reset, password changed): sent
 * to the address whatever the notification preferences, never shown in the app. Kept apart from
 * TEMPLATES, which are the ones people can turn off. {placeholders} are filled from the event. One
 * for each event of `AccountMailEvents`: a missing one does not compile.
 */
export const ACCOUNT_TEMPLATES: Record<AccountMailName, AccountTemplate> = {
  welcome: {
    subject: {
      ar: 'مرحبا بك في منصة الحكومة المنفتحة',
      fr: 'Bienvenue sur la plateforme du gouvernement ouvert',
      en: 'Welcome to the Open Government platform',
    },
    text: {
      ar: 'مرحبا {displayName}،\n\nتم إنشاء حسابك بهذا العنوان. يمكنك الآن تسجيل الدخول للمشاركة في بلورة خطة العمل وتتبع الالتزامات.\n\nإذا لم تقم بهذا التسجيل، يمكنك تجاهل هذه الرسالة أو إعادة تعيين كلمة المرور.',
      fr: "Bonjour {displayName},\n\nVotre compte a été créé avec cette adresse. Vous pouvez maintenant vous connecter pour participer à la co-création du plan d'action et suivre les engagements.\n\nSi vous n'êtes pas à l'origine de cette inscription, ignorez ce message ou réinitialisez le mot de passe.",
      en: 'Hello {displayName},\n\nYour account was created with this address. You can now log in to take part in co-creating the action plan and follow the commitments.\n\nIf you did not register, ignore this message or reset the password.',
    },
  },
  registrationWithExistingAddress: {
    subject: {
      ar: 'محاولة تسجيل بعنوان بريدك الإلكتروني',
      fr: "Tentative d'inscription avec votre adresse e-mail",
      en: 'Someone tried to register with your e-mail address',
    },
    text: {
      ar: 'مرحبا {displayName}،\n\nحاول شخص ما إنشاء حساب جديد بعنوان بريدك الإلكتروني، وهو مرتبط بحسابك أصلا. لم يتم إنشاء أي حساب ولم يتغير شيء في حسابك.\n\nإذا كنت أنت، فيمكنك تسجيل الدخول مباشرة، أو إعادة تعيين كلمة المرور إذا نسيتها. وإلا فلا حاجة لأي إجراء.',
      fr: "Bonjour {displayName},\n\nQuelqu'un a essayé de créer un compte avec votre adresse e-mail, qui a déjà un compte. Aucun compte n'a été créé et rien n'a changé dans le vôtre.\n\nSi c'était vous, connectez-vous directement, ou réinitialisez votre mot de passe si vous l'avez oublié. Sinon, vous n'avez rien à faire.",
      en: 'Hello {displayName},\n\nSomeone tried to open a new account with your e-mail address, which already has an account. No account was created and nothing changed in yours.\n\nIf it was you, just log in, or reset your password if you forgot it. Otherwise there is nothing to do.',
    },
  },
  passwordResetRequested: {
    subject: { ar: 'إعادة تعيين كلمة المرور', fr: 'Réinitialisation du mot de passe', en: 'Reset your password' },
    text: {
      ar: 'مرحبا {displayName}،\n\nطلبت إعادة تعيين كلمة مرور حسابك. افتح هذا الرابط لاختيار كلمة مرور جديدة (صالح لمدة 30 دقيقة ولمرة واحدة):\n\n{resetUrl}\n\nإذا لم تطلب ذلك، تجاهل هذه الرسالة: تبقى كلمة مرورك دون تغيير.',
      fr: "Bonjour {displayName},\n\nVous avez demandé à réinitialiser le mot de passe de votre compte. Ouvrez ce lien pour en choisir un nouveau (valable 30 minutes, une seule fois) :\n\n{resetUrl}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
      en: 'Hello {displayName},\n\nYou asked to reset the password of your account. Open this link to choose a new one (valid for 30 minutes, once):\n\n{resetUrl}\n\nIf you did not ask, ignore this message: your password stays as it is.',
    },
  },
  passwordChanged: {
    subject: { ar: 'تم تغيير كلمة مرورك', fr: 'Votre mot de passe a été modifié', en: 'Your password was changed' },
    text: {
      ar: 'مرحبا {displayName}،\n\nتم تغيير كلمة مرور حسابك وإنهاء الجلسات الأخرى. إذا لم تكن أنت من قام بذلك، أعد تعيين كلمة المرور فورا واتصل بفريق التنسيق.',
      fr: "Bonjour {displayName},\n\nLe mot de passe de votre compte a été modifié et les autres sessions fermées. Si ce n'était pas vous, réinitialisez-le tout de suite et contactez l'équipe de coordination.",
      en: 'Hello {displayName},\n\nThe password of your account was changed and the other sessions were closed. If it was not you, reset it at once and contact the coordination team.',
    },
  },
};
