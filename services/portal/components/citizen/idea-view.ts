import type { Schemas } from '../../gateway/views';
export type FateStepView = Schemas['FateStepView'];

/** An idea as its author sees it (GET /me/ideas): the whole path, before publication too. */
export interface MyIdeaView {
  id: string;
  cycleId: string;
  themeId: string;
  channel: 'portal' | 'workshop';
  title: string;
  body: string;
  institution: string | null;
  anonymous: boolean;
  createdAt: string;
  status: string;
  path: FateStepView[];
  fate: { status: string; explanation: string | null; draftCommitmentId: string | null; publishedAt: string } | null;
  hidden: { reason: string; at: string } | null;
  supports: number;
}

/** The steps of an idea's path that the coordination team sets (a published fate besides them). */
export const IDEA_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'grouped',
  'shared',
  'studied',
  'retained',
  'not_retained',
] as const;
