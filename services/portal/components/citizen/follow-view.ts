import type { LocalizedText } from '../../i18n/localized-text';

/** Something a person follows (GET /me/follows). */
export interface FollowView {
  kind: 'commitment' | 'cycle';
  id: string;
  title: LocalizedText;
  followedAt: string;
}
