import { rpc } from './rpc-contract';
import { Localized } from './language.constant';
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

/** What a signed-in person can follow to hear of its public changes. */
export const FOLLOW_TARGETS = ['commitment', 'cycle'] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];

export interface FollowView {
  kind: FollowTarget;
  id: string;
  title: Localized;
  followedAt: string;
}

export const NotificationsRpc = {
  listInbox: rpc<PageQuery & { unreadOnly?: boolean }, Page<InAppNotificationView>>('notifications.inbox.list'),
  unreadCount: rpc<Record<string, never>, { unread: number }>('notifications.inbox.unread-count'),
  markRead: rpc<{ ids: string[] }, { updated: number }>('notifications.inbox.mark-read'),
  follow: rpc<{ kind: FollowTarget; id: string }, FollowView>('notifications.follows.put'),
  unfollow: rpc<{ kind: FollowTarget; id: string }, { following: false }>('notifications.follows.delete'),
  listFollows: rpc<PageQuery, Page<FollowView>>('notifications.follows.list'),
} as const;
