import { Locale } from '../i18n/locales';
import { Translate } from '../i18n/translator';

/**
 * What a page shows when the gateway has no such plan, commitment or cycle. Rendered in the page
 * (Next.js 16 renders notFound() as an empty shell filled by JavaScript, which would leave a visitor
 * without scripts with a blank page).
 */
export function NotFoundView({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <section className="page-section" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('error.notFoundTitle')}</h1>
      <p>{t('error.notFoundBody')}</p>
      <p>
        <a href={`/${locale}`}>{t('error.backHome')}</a>
      </p>
    </section>
  );
}
