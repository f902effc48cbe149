import type { Metadata } from 'next';
import { LOCALES } from '../i18n/locales';
import { MESSAGES } from '../i18n/translator';
import '../styles/global.css';

export const metadata: Metadata = {
  title: `${MESSAGES.ar['error.notFoundTitle']} · ${MESSAGES.en['error.notFoundTitle']}`,
};

/**
 * Any address no page answers: a server-rendered 404 (it works without JavaScript). Next.js renders
 * it outside the language's layout and without the request, so it speaks the three languages,
 * Arabic first.
 */
export default function GlobalNotFound() {
  return (
    <html lang="ar" dir="rtl">
      <body>
        <main id="main" className="container not-found">
          {LOCALES.map((locale) => (
            <section key={locale} lang={locale} dir={locale === 'ar' ? 'rtl' : 'ltr'} className="page-section">
              <h1>{MESSAGES[locale]['error.notFoundTitle']}</h1>
              <p>{MESSAGES[locale]['error.notFoundBody']}</p>
              <p>
                <a href={`/${locale}`}>{MESSAGES[locale]['error.backHome']}</a>
              </p>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
