import 'server-only';
import { gateway } from '../../gateway/gateway-client';
import { Locale } from '../../i18n/locales';
import { Account } from '../../session/current-account';
import { requireAccount } from '../citizen/require-account';

/** The signed-in person's roles and scopes as the gateway keeps them (GET /me). */
export interface StaffAccount extends Account {
  scopes: { institutions: string[]; programmes: string[] };
}

export type StaffRole = 'project_manager' | 'committee_member' | 'coordinator' | 'admin';

/**
 * The signed-in person (else a redirect to log in) and whether one of `roles` is theirs. The page
 * shows the refusal itself; the gateway and the owning service check role and scope again on every call.
 */
export async function staffAccount(
  locale: Locale,
  path: string,
  roles: StaffRole[],
): Promise<{ account: StaffAccount; allowed: boolean }> {
  const signedIn = await requireAccount(locale, path);
  const me = await (await gateway.user(locale)).get<StaffAccount>('/me').catch(() => null);
  const account: StaffAccount = {
    ...signedIn,
    ...(me ?? {}),
    scopes: me?.scopes ?? { institutions: [], programmes: [] },
  };
  return { account, allowed: account.roles.some((r) => (roles as string[]).includes(r)) };
}

/** Coordinators and admins see every institution; a project manager only theirs. */
export function canActOnInstitution(account: StaffAccount, institutionId: string): boolean {
  if (account.roles.some((r) => r === 'coordinator' || r === 'admin')) return true;
  return account.roles.includes('project_manager') && account.scopes.institutions.includes(institutionId);
}

/** Coordinators and admins see every programme; a committee member only theirs. */
export function canActOnProgramme(account: StaffAccount, programmeId: string): boolean {
  if (account.roles.some((r) => r === 'coordinator' || r === 'admin')) return true;
  return account.roles.includes('committee_member') && account.scopes.programmes.includes(programmeId);
}
