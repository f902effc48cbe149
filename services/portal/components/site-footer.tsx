import { Locale } from '../i18n/locales';
import { Translate } from '../i18n/translator';

export function SiteFooter({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('footer.about')}</p>
        <p>
          {t('footer.openData')} <a href={`/${locale}/open-data`}>{t('nav.openData')}</a>
        </p>
      </div>
    </footer>
  );
}
