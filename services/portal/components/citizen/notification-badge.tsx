import '../../styles/citizen.css';
import { gateway } from '../../gateway/gateway-client';
import { Locale } from '../../i18n/locales';
import { Translate } from '../../i18n/translator';
import { currentAccount } from '../../session/current-account';

/** For a signed-in person: a link to their notifications with the unread count. Nothing for visitors. */
export async function NotificationBadge({ locale, t }: { locale: Locale; t: Translate }) {
  if (!(await currentAccount())) return null;
  const unread = await (
    await gateway.user(locale)
  )
    .get<{ unread: number }>('/me/notifications/unread-count')
    .then((r) => r.unread)
    .catch(() => null);
  return (
    <a className="notification-link" href={`/${locale}/me/notifications`}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <span>{t('citizen.notifications.title')}</span>
      {unread ? (
        <>
          <span className="badge" data-unread={unread} aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden">{t('citizen.notifications.unread', { count: unread })}</span>
        </>
      ) : null}
    </a>
  );
}
