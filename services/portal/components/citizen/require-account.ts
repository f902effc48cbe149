import 'server-only';
import { redirect } from 'next/navigation';
import { Locale } from '../../i18n/locales';
import { Account, currentAccount } from '../../session/current-account';

/** The signed-in person, or a redirect to log in that comes back to `path` afterwards. */
export async function requireAccount(locale: Locale, path: string): Promise<Account> {
  const account = await currentAccount();
  if (!account) redirect(`/${locale}/login?next=${encodeURIComponent(`/${locale}${path}`)}`);
  return account;
}
