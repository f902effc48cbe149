import { Locale } from '../i18n/locales';
import { Translate } from '../i18n/translator';
import { AccountMenu } from './account-menu';
import { NotificationBadge } from './citizen/notification-badge';
import { LanguageSwitcher } from './language-switcher';

export function SiteHeader({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <header className="site-header">
      <div className="container site-header-row">
        <a className="brand" href={`/${locale}`}>
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 28 28" focusable="false">
            <circle cx="14" cy="14" r="12" fill="none" stroke="currentColor" strokeWidth="3" />
            <path
              d="M8 14.5l4 4 8-9"
              fill="none"
              stroke="currentColor"
              strokeWidth="3"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span>{t('site.name')}</span>
        </a>
        <div className="site-header-tools">
          <LanguageSwitcher locale={locale} t={t} />
          <NotificationBadge locale={locale} t={t} />
          <AccountMenu locale={locale} t={t} />
        </div>
      </div>
      <nav className="main-nav" aria-label={t('nav.main')}>
        <ul className="container">
          <li>
            <a href={`/${locale}`}>{t('nav.home')}</a>
          </li>
          <li>
            <a href={`/${locale}/publications`}>{t('nav.publications')}</a>
          </li>
          <li>
            <a href={`/${locale}/open-data`}>{t('nav.openData')}</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
