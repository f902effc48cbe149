import { IdeaPrivateView, IdeaPublicView, IdeaTriageView } from '@ogp/contracts';
import { IdeaRow, IdeaStepRow } from './idea.row';

/** What anyone sees: the author only when not anonymous, the fate only once published. */
export function ideaPublicView(r: IdeaRow): IdeaPublicView {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    themeId: r.theme_id,
    channel: r.channel,
    workshopId: r.workshop_id,
    title: r.title,
    body: r.body,
    institution: r.institution,
    authorId: r.anonymous ? null : r.author_id,
    createdAt: r.created_at.toISOString(),
    fate: r.published_at
      ? {
          status: r.status,
          explanation: r.explanation,
          draftCommitmentId: r.draft_commitment_id,
          publishedAt: r.published_at.toISOString(),
        }
      : null,
    supports: r.supports,
  };
}

/** What the author and the coordination team see: the whole path, moderation included. */
export function ideaPrivateView(row: IdeaRow, steps: IdeaStepRow[]): IdeaPrivateView {
  return {
    ...ideaPublicView(row),
    authorId: row.author_id,
    anonymous: row.anonymous,
    status: row.status,
    path: steps.map((s) => ({
      status: s.status,
      at: s.at.toISOString(),
      actorId: s.actor_id,
      explanation: s.explanation,
      institution: s.institution,
    })),
    hidden: row.hidden_at ? { reason: row.hidden_reason as string, at: row.hidden_at.toISOString() } : null,
    reports: row.reports,
  };
}

/** A row of the coordination team's triage list. */
export function ideaTriageView(r: IdeaRow): IdeaTriageView {
  return {
    ...ideaPublicView(r),
    status: r.status,
    reports: r.reports,
    hidden: r.hidden_at ? { reason: r.hidden_reason as string, at: r.hidden_at.toISOString() } : null,
  };
}
