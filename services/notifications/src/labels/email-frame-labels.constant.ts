import { Language } from '@ogp/contracts';

/** The words around every HTML e-mail: the platform's name in the header, and the footer leading to the preferences. */
export const EMAIL_FRAME_LABELS: Record<Language, { platform: string; footer: string; manage: string }> = {
  ar: {
    platform: 'منصة الحكومة المنفتحة',
    footer: 'تتلقى هذه الرسالة لأنك مشترك في إشعارات المنصة.',
    manage: 'تعديل تفضيلات الإشعارات أو إلغاء الاشتراك',
  },
  fr: {
    platform: 'Plateforme du gouvernement ouvert',
    footer: 'Vous recevez ce message parce que vous êtes abonné aux notifications de la plateforme.',
    manage: 'Modifier vos préférences ou vous désabonner',
  },
  en: {
    platform: 'Open Government platform',
    footer: 'You receive this e-mail because you are subscribed to the platform’s notifications.',
    manage: 'Change your preferences or unsubscribe',
  },
};
