import { FateStatus } from '@ogp/contracts';

/** An ideas row as read with its support count (IDEA_COLUMNS). */
export interface IdeaRow {
  id: string;
  cycle_id: string;
  theme_id: string;
  channel: 'portal' | 'workshop';
  workshop_id: string | null;
  title: string;
  body: string;
  institution: string | null;
  author_id: string | null;
  anonymous: boolean;
  status: FateStatus;
  rejection_reason: string | null;
  explanation: string | null;
  draft_commitment_id: string | null;
  reports: number;
  hidden_at: Date | null;
  hidden_reason: string | null;
  created_at: Date;
  published_at: Date | null;
  supports: number;
}

/** One step of an idea's path (idea_steps). */
export interface IdeaStepRow {
  status: FateStatus | 'published';
  at: Date;
  actor_id: string | null;
  explanation: string | null;
  institution: string | null;
}
