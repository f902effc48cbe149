import type { LocalizedText } from '../../i18n/localized-text';

/** A workshop as the gateway answers GET /cycles/:id/workshops. */
export interface WorkshopView {
  id: string;
  themeId: string;
  number: number;
  title: LocalizedText;
  organiser: string;
  startsAt: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: number;
  confirmed: number;
}

/** A draft commitment under consultation (GET /cycles/:id/drafts). */
export interface DraftView {
  id: string;
  number: number;
  title: LocalizedText;
  institution: string;
  comments: number;
}

/** A consultation comment and the institution's answer (GET /drafts/:id/comments). */
export interface CommentView {
  id: string;
  body: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
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
