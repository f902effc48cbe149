import { FollowButton } from '../../../../components/citizen/follow-button';
import type { FollowView } from '../../../../components/citizen/follow-view';
import { requireAccount } from '../../../../components/citizen/require-account';
import { gateway } from '../../../../gateway/gateway-client';
import type { Page } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';
import { titled } from '../../../../components/page-props';

export const generateMetadata = titled('citizen.follows.title');

/** The commitments and cycles the person follows, each with a way to stop. */
export default async function FollowsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t, f } = await localeTools(params);
  await requireAccount(locale, '/me/follows');
  const follows = await (
    await gateway.user(locale)
  ).get<Page<FollowView>>('/me/follows' as never, { query: { limit: 100 } });
  return (
    <section className="page-section" aria-labelledby="follows-title">
      <h1 id="follows-title">{t('citizen.follows.title')}</h1>
      {follows.items.length === 0 ? <p>{t('citizen.follows.none')}</p> : null}
      <ul className="section-list follow-list">
        {follows.items.map((item) => (
          <li key={`${item.kind}-${item.id}`} className="card" data-follow={item.id}>
            <p className="muted">
              {t(item.kind === 'cycle' ? 'citizen.follows.cycle' : 'citizen.follows.commitment')} ·{' '}
              {t('citizen.follows.since', { date: f.date(item.followedAt) })}
            </p>
            <h2 className="card-title">
              <a
                href={
                  item.kind === 'cycle'
                    ? `/${locale}/me/take-part?cycle=${item.id}`
                    : `/${locale}/commitments/${item.id}`
                }
              >
                {pick(item.title, locale)}
              </a>
            </h2>
            <FollowButton
              kind={item.kind}
              id={item.id}
              locale={locale}
              t={t}
              returnTo={`/${locale}/me/follows`}
              following
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
