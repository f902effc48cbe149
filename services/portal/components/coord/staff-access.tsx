import 'server-only';
import { redirect } from 'next/navigation';
import { Locale } from '../../i18n/locales';
import { Translate } from '../../i18n/translator';
import { Account, currentAccount } from '../../session/current-account';

export type StaffRole = 'coordinator' | 'admin';

/**
 * The signed-in person if they hold one of `roles`; a visitor is sent to log in (and back to
 * `path`), a person without the role gets null and the page shows <NotAllowed>. The gateway checks
 * the role again on every call: this only spares a page of refusals.
 */
export async function staffAccount(locale: Locale, path: string, roles: StaffRole[]): Promise<Account | null> {
  const account = await currentAccount();
  if (!account) redirect(`/${locale}/login?next=${encodeURIComponent(`/${locale}${path}`)}`);
  return account.roles.some((r) => (roles as string[]).includes(r)) ? account : null;
}

/** What a signed-in person without the role sees in place of a staff page. */
export function NotAllowed({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <section className="page-section" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t('coord.notAllowed.title')}</h1>
      <p>{t('coord.notAllowed.body')}</p>
      <p>
        <a href={`/${locale}/me`}>{t('citizen.nav.space')}</a>
      </p>
    </section>
  );
}
