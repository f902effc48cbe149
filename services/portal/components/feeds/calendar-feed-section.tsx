import { gateway } from '../../gateway/gateway-client';
import { Formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { Translate } from '../../i18n/translator';
import { CsrfField } from '../../session/csrf-field';
import { ActionForm } from '../citizen/action-form';
import { issueCalendarFeed, revokeCalendarFeed } from './calendar-feed-actions';
import type { CalendarFeedView } from './feed-views';

/** The person's private calendar feed: create it, replace its link (the old one stops working), or revoke it. */
export async function CalendarFeedSection({ locale, t, f }: { locale: Locale; t: Translate; f: Formatter }) {
  const feed = await (await gateway.user(locale)).get<CalendarFeedView>('/me/calendar-feed').catch(() => null);
  return (
    <section id="calendar" className="page-section narrow-wide" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('feeds.settings.title')}</h2>
      <p>{t('feeds.settings.intro')}</p>
      <p className="muted" role="status" id="calendar-status">
        {feed?.active && feed.createdAt
          ? t('feeds.settings.active', { date: f.date(feed.createdAt) })
          : t('feeds.settings.inactive')}
      </p>
      <ActionForm
        id="calendar-issue"
        action={issueCalendarFeed}
        csrf={<CsrfField />}
        hidden={{ locale }}
        fields={[]}
        submit={feed?.active ? t('feeds.settings.rotate') : t('feeds.settings.create')}
      />
      {feed?.active ? (
        <ActionForm
          id="calendar-revoke"
          action={revokeCalendarFeed}
          csrf={<CsrfField />}
          hidden={{ locale }}
          fields={[]}
          quiet
          submit={t('feeds.settings.revoke')}
        />
      ) : null}
    </section>
  );
}
