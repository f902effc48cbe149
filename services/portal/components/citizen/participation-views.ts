import type { LocalizedText } from '../../i18n/localized-text';
export type { WorkshopView, CommentView } from '../../gateway/views';

/** A draft commitment under consultation (GET /cycles/:id/drafts). */
export interface DraftView {
  id: string;
  number: number;
  title: LocalizedText;
  institution: string;
  comments: number;
}

/** What anyone sees of an idea (GET /cycles/:id/ideas). */
export interface PublicIdeaView {
  id: string;
  title: string;
  body: string;
  channel: 'portal' | 'workshop';
  createdAt: string;
  supports: number;
}
