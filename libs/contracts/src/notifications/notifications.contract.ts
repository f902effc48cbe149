import { rpc } from '../common/rpc-contract';
import { Localized } from '../common/language.constant';
import { Page, PageQuery } from '../common/page';

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

export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export const NotificationsRpc = {
  listInbox: rpc<PageQuery & { unreadOnly?: boolean }, Page<InAppNotificationView>>('notifications.inbox.list'),
  unreadCount: rpc<Record<string, never>, { unread: number }>('notifications.inbox.unread-count'),
  markRead: rpc<{ ids: string[] }, { updated: number }>('notifications.inbox.mark-read'),
  follow: rpc<{ kind: FollowTarget; id: string }, FollowView>('notifications.follows.put'),
  unfollow: rpc<{ kind: FollowTarget; id: string }, { following: false }>('notifications.follows.delete'),
  listFollows: rpc<PageQuery, Page<FollowView>>('notifications.follows.list'),
  preferences: rpc<Record<string, never>, Record<string, NotificationMode>>('notifications.preferences.get'),
  setPreference: rpc<{ type: string; mode: NotificationMode }, Record<string, NotificationMode>>(
    'notifications.preferences.set',
  ),
  sendDigests: rpc<Record<string, never>, { digests: number }>('notifications.digest.send'),
  deadLetters: rpc<
    PageQuery,
    Page<{ id: string; kind: 'email' | 'event'; subject: string; reason: string; at: string }>
  >('notifications.dead-letters.list'),
  /** A dead e-mail queued again for sending (its attempts start over). */
  retryDeadLetter: rpc<{ id: string }, { id: string; status: 'pending' }>('notifications.dead-letters.retry'),
} as const;
