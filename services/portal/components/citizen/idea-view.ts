/** One step of an idea's fate, with who (an id) and when. */
export interface FateStepView {
  status: string;
  at: string;
  actorId: string | null;
  explanation: string | null;
  institution: string | null;
}

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
