import { headers } from 'next/headers';
import { Locale } from '../i18n/locales';
import { Translate } from '../i18n/translator';
import { PATH_HEADER } from '../security/request-headers';
import { currentAccount } from '../session/current-account';
import { CsrfField } from '../session/csrf-field';
import { logOut } from '../session/session-actions';

/** Log-in and register links for visitors; for a signed-in person, a disclosure menu (no script needed) with log-out. */
export async function AccountMenu({ locale, t }: { locale: Locale; t: Translate }) {
  const account = await currentAccount();
  if (!account) {
    const path = (await headers()).get(PATH_HEADER) ?? `/${locale}`;
    const back = path.startsWith(`/${locale}/login`) ? '' : `?next=${encodeURIComponent(path)}`;
    return (
      <div className="account">
        <a className="button button-quiet" href={`/${locale}/login${back}`}>
          {t('auth.login')}
        </a>
        <a className="button" href={`/${locale}/register`}>
          {t('auth.register')}
        </a>
      </div>
    );
  }
  return (
    <details className="account account-menu">
      <summary aria-label={`${t('auth.accountMenu')}: ${account.displayName}`}>
        <span dir="auto">{account.displayName}</span>
      </summary>
      <div className="account-menu-panel">
        <p className="muted">{t('auth.signedInAs', { name: account.displayName })}</p>
        <ul>
          <li>
            <a href={`/${locale}/account`}>{t('auth.account')}</a>
          </li>
          <li>
            <a href={`/${locale}/me`}>{t('citizen.nav.space')}</a>
          </li>
          <li>
            <a href={`/${locale}/me/ideas`}>{t('citizen.myIdeas.title')}</a>
          </li>
          {account.roles.some((r) => r === 'coordinator' || r === 'admin') ? (
            <li>
              <a href={`/${locale}/coordination`}>{t('coord.nav.menu')}</a>
            </li>
          ) : null}
          {account.roles.includes('admin') ? (
            <li>
              <a href={`/${locale}/admin`}>{t('admin.nav.menu')}</a>
            </li>
          ) : null}
          {account.roles.includes('project_manager') ? (
            <li>
              <a href={`/${locale}/pm`}>{t('pm.nav.space')}</a>
            </li>
          ) : null}
          {account.roles.includes('committee_member') ? (
            <li>
              <a href={`/${locale}/committee`}>{t('committee.nav.space')}</a>
            </li>
          ) : null}
        </ul>
        <form action={logOut}>
          <CsrfField />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button button-quiet">
            {t('auth.logout')}
          </button>
        </form>
      </div>
    </details>
  );
}
