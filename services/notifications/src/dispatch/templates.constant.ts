import { Language } from '@ogp/contracts';

export interface Template {
  title: Record<Language, string>;
  body: Record<Language, string>;
}

/** In-app texts per event type and language; {placeholders} are filled from the event. */
export const TEMPLATES: Record<string, Template> = {
  'commitments.programme.created': {
    title: { ar: 'برنامج جديد: {name}', fr: 'Nouveau programme : {name}', en: 'New programme: {name}' },
    body: {
      ar: 'تم إنشاء البرنامج {name} (الرمز {code}).',
      fr: 'Le programme {name} (code {code}) a été créé.',
      en: 'Programme {name} (code {code}) was created.',
    },
  },
  'identity.user.created': {
    title: { ar: 'مرحبا بك في المنصة', fr: 'Bienvenue sur la plateforme', en: 'Welcome to the platform' },
    body: {
      ar: 'أنشأ فريق التنسيق حسابك بصفة {roles}.',
      fr: "L'équipe de coordination a créé votre compte ({roles}).",
      en: 'The coordination team created your account ({roles}).',
    },
  },
};

export function render(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
