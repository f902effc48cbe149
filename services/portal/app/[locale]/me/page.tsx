import { requireAccount } from '../../../components/citizen/require-account';
import { localeTools } from '../../../i18n/request-locale';
import { MessageKey } from '../../../i18n/translator';
import { titled } from '../../../components/page-props';

export const generateMetadata = titled('citizen.space.title');

/** The citizen's and CSO's space: where to take part and what to follow. */
export default async function MySpacePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeTools(params);
  const account = await requireAccount(locale, '/me');
  const links: [string, MessageKey, MessageKey][] = [
    ['/me/ideas/new', 'citizen.idea.new', 'citizen.space.newIdea'],
    ['/me/ideas', 'citizen.myIdeas.title', 'citizen.space.myIdeas'],
    ['/me/take-part', 'citizen.takePart.title', 'citizen.space.takePart'],
    ['/me/notifications', 'citizen.notifications.title', 'citizen.space.notifications'],
    ['/me/follows', 'citizen.follows.title', 'citizen.space.follows'],
    ['/me/settings', 'citizen.settings.title', 'citizen.space.settings'],
  ];
  return (
    <section className="page-section" aria-labelledby="space-title">
      <h1 id="space-title">{t('citizen.space.title')}</h1>
      <p className="lead">{t('citizen.space.welcome', { name: account.displayName })}</p>
      <ul className="cards">
        {links.map(([href, title, body]) => (
          <li key={href} className="card">
            <h2 className="card-title">
              <a href={`/${locale}${href}`}>{t(title)}</a>
            </h2>
            <p>{t(body)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
