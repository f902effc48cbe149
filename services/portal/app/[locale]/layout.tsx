import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '../../components/site-footer';
import { SiteHeader } from '../../components/site-header';
import { direction } from '../../i18n/locales';
import { localeTools } from '../../i18n/request-locale';
import '../../styles/global.css';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: { default: t('site.name'), template: `%s · ${t('site.name')}` }, description: t('site.tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5d4b' };

/** The root layout: `lang` and `dir` of the page's language on <html>; header, main landmark, footer. */
export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale, t } = await localeTools(params);
  return (
    <html lang={locale} dir={direction(locale)}>
      <body>
        <a className="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        <SiteHeader locale={locale} t={t} />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <SiteFooter locale={locale} t={t} />
      </body>
    </html>
  );
}
