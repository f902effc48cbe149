import { Actor, hasAnyRole, RoleGroup, ScopeTarget } from '@ogp/auth';
import { BlockerView, DomainError, ErrorCode } from '@ogp/contracts';
import { CommitmentRow } from '../commitments/commitment-row';

export type BlockerStatus = BlockerView['status'];

/** Committee members act within their programme; project managers within their institution. */
export function blockerScope(
  actor: Actor,
  row: Pick<CommitmentRow, 'programme_id' | 'lead_institution_id'>,
): ScopeTarget {
  return hasAnyRole(actor, ['committee_member']) && !hasAnyRole(actor, ['project_manager'])
    ? { programmeId: row.programme_id }
    : { institutionId: row.lead_institution_id };
}

/** open → answered → closed: a closed blocker is neither answered nor closed again. */
export function assertNotClosed(status: BlockerStatus, doing: 'answer' | 'close'): void {
  if (status === 'closed')
    throw new DomainError(
      ErrorCode.CONFLICT,
      doing === 'answer' ? 'this blocker is closed' : 'this blocker is already closed',
    );
}

/**
 * Which blockers an actor may list: all of them for the coordination team; else those of their
 * institutions (a project manager) and of their programmes (a committee member), each role by its
 * own scope. Nothing when neither applies.
 */
export interface BlockerVisibility {
  all: boolean;
  institutions: string[] | null;
  programmes: string[] | null;
}

export function blockerVisibility(actor: Actor): BlockerVisibility {
  if (hasAnyRole(actor, RoleGroup.COORDINATION)) return { all: true, institutions: null, programmes: null };
  return {
    all: false,
    institutions: hasAnyRole(actor, ['project_manager']) ? actor.scopes.institutions : null,
    programmes: hasAnyRole(actor, ['committee_member']) ? actor.scopes.programmes : null,
  };
}
