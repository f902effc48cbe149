import { redirect } from 'next/navigation';
import { LOCALE_NAMES } from '../../../i18n/locales';
import { localeTools } from '../../../i18n/request-locale';
import { MessageKey } from '../../../i18n/translator';
import { currentAccount } from '../../../session/current-account';
import { titled } from '../../../components/page-props';

export const generateMetadata = titled('account.title');

/** The signed-in person's account; anyone else is sent to log in first. */
export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t, f } = await localeTools(params);
  const account = await currentAccount();
  if (!account) redirect(`/${locale}/login?next=${encodeURIComponent(`/${locale}/account`)}`);
  return (
    <section className="page-section">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('auth.email')}</dt>
        <dd dir="ltr">{account.email}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{f.list(account.roles.map((r) => t(`role.${r}` as MessageKey)))}</dd>
        <dt>{t('account.language')}</dt>
        <dd>{LOCALE_NAMES[account.language] ?? account.language}</dd>
      </dl>
    </section>
  );
}
