import { markNotificationsRead } from '../../../../components/citizen/notification-actions';
import { requireAccount } from '../../../../components/citizen/require-account';
import { gateway } from '../../../../gateway/gateway-client';
import type { Page } from '../../../../gateway/views';
import { safeLocalPath } from '../../../../i18n/localized-path';
import { localeTools } from '../../../../i18n/request-locale';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';

export const generateMetadata = titled('citizen.notifications.title');

interface NotificationView {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** The person's in-app notifications, newest first; each can be marked as read, or all at once. */
export default async function NotificationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t, f } = await localeTools(params);
  await requireAccount(locale, '/me/notifications');
  const api = await gateway.user(locale);
  const [list, { unread }] = await Promise.all([
    api.get<Page<NotificationView>>('/me/notifications', { query: { limit: 50 } }),
    api.get<{ unread: number }>('/me/notifications/unread-count'),
  ]);
  const unreadIds = list.items.filter((n) => !n.readAt).map((n) => n.id);
  return (
    <section className="page-section" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('citizen.notifications.title')}</h1>
      <p className="lead" id="unread-summary">
        {t('citizen.notifications.unread', { count: unread })}
      </p>
      {unreadIds.length ? (
        <form action={markNotificationsRead} className="inline-form">
          <CsrfField />
          <input type="hidden" name="locale" value={locale} />
          {unreadIds.map((id) => (
            <input key={id} type="hidden" name="id" value={id} />
          ))}
          <button type="submit" className="button button-quiet">
            {t('citizen.notifications.markAllRead')}
          </button>
        </form>
      ) : null}
      {list.items.length === 0 ? <p>{t('citizen.notifications.none')}</p> : null}
      <ul className="section-list notification-list">
        {list.items.map((n) => (
          <li
            key={n.id}
            className={`card${n.readAt ? '' : ' notification-unread'}`}
            data-read={n.readAt ? 'true' : 'false'}
          >
            <h2 className="card-title" dir="auto">
              {n.readAt ? null : <span className="badge">{t('citizen.notifications.new')}</span>} {n.title}
            </h2>
            <p className="muted">
              <time dateTime={n.createdAt}>{f.dateTime(n.createdAt)}</time>
            </p>
            <p dir="auto" className="notification-body">
              {n.body}
            </p>
            <div className="inline-form">
              {n.link ? (
                <a href={safeLocalPath(`/${locale}${n.link}`, `/${locale}`)}>{t('citizen.notifications.open')}</a>
              ) : null}
              {n.readAt ? null : (
                <form action={markNotificationsRead} className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="button button-quiet">
                    {t('citizen.notifications.markRead')}
                  </button>
                </form>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
