import { rpc } from './rpc-contract';
import { Page, PageQuery } from './page';

export interface InAppNotificationView {
  id: string;
  eventId: string;
  type: string;
  title: string;
  body: string;
  /** Portal path of the item, without the language prefix (`/commitments/<id>`), or null. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export const NotificationsRpc = {
  listInbox: rpc<PageQuery & { unreadOnly?: boolean }, Page<InAppNotificationView>>('notifications.inbox.list'),
  unreadCount: rpc<Record<string, never>, { unread: number }>('notifications.inbox.unread-count'),
  markRead: rpc<{ ids: string[] }, { updated: number }>('notifications.inbox.mark-read'),
} as const;
