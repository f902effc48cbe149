import { headers } from 'next/headers';
import { LOCALE_NAMES, LOCALES, Locale } from '../i18n/locales';
import { switchLocale } from '../i18n/localized-path';
import { Translate } from '../i18n/translator';
import { PATH_HEADER } from '../security/request-headers';

/** Links to the same page in the other languages; /language remembers the choice in a cookie. */
export async function LanguageSwitcher({ locale, t }: { locale: Locale; t: Translate }) {
  const path = (await headers()).get(PATH_HEADER) ?? `/${locale}`;
  return (
    <nav className="language-switcher" aria-label={t('nav.language')}>
      <ul>
        {LOCALES.map((other) => (
          <li key={other}>
            {other === locale ? (
              <span aria-current="true" lang={other} className="current">
                {LOCALE_NAMES[other]}
              </span>
            ) : (
              <a
                href={`/language?to=${other}&next=${encodeURIComponent(switchLocale(path, other))}`}
                lang={other}
                hrefLang={other}
              >
                {LOCALE_NAMES[other]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
