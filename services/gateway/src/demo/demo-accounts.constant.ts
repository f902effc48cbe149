import type { Role } from '@ogp/auth';
import type { Language } from '@ogp/contracts';

/** Demo only: created by the demo seed, never by a migration; listed in the README. */
export const DEMO_PASSWORD = 'Demo-OGP-2026!';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; language: Language }[] = [
  { email: 'admin@demo.ogp.ma', displayName: 'مدير المنصة', role: 'admin', language: 'ar' },
  { email: 'coordination@demo.ogp.ma', displayName: 'فريق التنسيق', role: 'coordinator', language: 'ar' },
  { email: 'pm@demo.ogp.ma', displayName: 'مسؤول الالتزام', role: 'project_manager', language: 'ar' },
  { email: 'committee@demo.ogp.ma', displayName: 'عضو لجنة القيادة', role: 'committee_member', language: 'fr' },
  { email: 'cso@demo.ogp.ma', displayName: 'جمعية المجتمع المدني', role: 'cso', language: 'ar' },
  { email: 'citizen@demo.ogp.ma', displayName: 'مواطن', role: 'citizen', language: 'ar' },
];
