import { Language, RoleName } from '@ogp/contracts';
import { labelOf } from './label-of';

/** What each role is called, for every notification that names one. */
export const ROLE_LABELS: Record<RoleName, Record<Language, string>> = {
  citizen: { ar: 'مواطن', fr: 'citoyen', en: 'citizen' },
  cso: { ar: 'جمعية من المجتمع المدني', fr: 'organisation de la société civile', en: 'civil-society organisation' },
  project_manager: { ar: 'مسؤول مشروع', fr: 'chef de projet', en: 'project manager' },
  committee_member: { ar: 'عضو لجنة القيادة', fr: 'membre du comité de pilotage', en: 'steering committee member' },
  coordinator: { ar: 'عضو فريق التنسيق', fr: "membre de l'équipe de coordination", en: 'coordination team member' },
  admin: { ar: 'مدير المنصة', fr: 'administrateur de la plateforme', en: 'platform administrator' },
};

/** The roles as one phrase in the reader's language ("a, b and c"). */
export function roleList(roles: readonly string[], language: Language): string {
  const names = roles.map((r) => labelOf(ROLE_LABELS, r, language));
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
}
