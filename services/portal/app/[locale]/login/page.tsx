import { redirect } from 'next/navigation';
import { safeLocalPath } from '../../../i18n/localized-path';
import { localeTools } from '../../../i18n/request-locale';
import { currentAccount } from '../../../session/current-account';
import { CsrfField } from '../../../session/csrf-field';
import { LoginForm } from '../../../session/login-form';
import { titled } from '../../../components/page-props';

export const generateMetadata = titled('auth.login');

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string }>;
}) {
  const { locale, t } = await localeTools(params);
  const requested = safeLocalPath((await searchParams).next, `/${locale}`);
  // Only a page of this site in this language; never back to the log-in page itself.
  const next =
    requested.startsWith(`/${locale}`) && !requested.startsWith(`/${locale}/login`) ? requested : `/${locale}`;
  if (await currentAccount()) redirect(next);
  return (
    <section className="page-section narrow">
      <h1>{t('auth.loginTitle')}</h1>
      <p>{t('auth.loginIntro')}</p>
      <LoginForm
        locale={locale}
        next={next}
        csrf={<CsrfField />}
        text={{ email: t('auth.email'), password: t('auth.password'), submit: t('auth.submit') }}
      />
      <p>
        <a href={`/${locale}/forgot-password`}>{t('citizen.reset.forgot')}</a>
      </p>
      <p>
        {t('auth.noAccount')} <a href={`/${locale}/register`}>{t('auth.register')}</a>
      </p>
    </section>
  );
}
