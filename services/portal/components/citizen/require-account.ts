import 'server-only';
import { redirect } from 'next/navigation';
import { isUuid } from '../../gateway/read-or-missing';
import { Locale } from '../../i18n/locales';
import { Account, currentAccount } from '../../session/current-account';

/** The signed-in person, or a redirect to log in that comes back to `path` afterwards. */
export async function requireAccount(locale: Locale, path: string): Promise<Account> {
  const account = await currentAccount();
  if (!account) redirect(`/${locale}/login?next=${encodeURIComponent(`/${locale}${path}`)}`);
  return account;
}

/**
 * For a citizen page about one cycle (`?cycle=<id>`): the signed-in person, a visitor sent to log in
 * and back to the same cycle; and the cycle asked for ('' when none, it may not be an id).
 */
export async function requireAccountForCycle(
  locale: Locale,
  path: string,
  searchParams: Promise<{ cycle?: string }>,
): Promise<{ account: Account; requested: string }> {
  const requested = String((await searchParams).cycle ?? '');
  const account = await requireAccount(locale, `${path}${isUuid(requested) ? `?cycle=${requested}` : ''}`);
  return { account, requested };
}
