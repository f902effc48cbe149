import { DomainError, ErrorCode, FateStatus, FateStepDto, invalidFields } from '@ogp/contracts';

/**
 * The fate of an idea (seed 001): received → screened (accepted | rejected with a reason) →
 * grouped by institution → shared with it → studied → retained into a proposed commitment |
 * not retained → published with its explanation. Anything else is an illegal jump.
 */
export const FATE_TRANSITIONS: Readonly<Record<string, Partial<Record<FateStepDto['step'], readonly FateStatus[]>>>> = {
  received: { screen: ['accepted', 'rejected'] },
  accepted: { group: ['grouped'] },
  grouped: { share: ['shared'] },
  shared: { study: ['studied'] },
  studied: { retain: ['retained'], not_retain: ['not_retained'] },
};

/** The fates that end the path: only these can be published. */
export const FINAL_FATES: readonly FateStatus[] = ['rejected', 'retained', 'not_retained'];

/** The part of an idea a fate step reads. */
export interface FateSubject {
  status: FateStatus;
  explanation: string | null;
  publishedAt: Date | null;
}

/** What a legal step writes: the publication of the final fate, or a move to the next status. */
export type FateChange =
  | { kind: 'publish'; explanation: string | null }
  | {
      kind: 'move';
      to: FateStatus;
      /** Columns the step sets beside the status, in the order they were given. */
      set: {
        rejection_reason?: string;
        institution?: string;
        draft_commitment_id?: string;
        explanation?: string;
      };
      /** retain: the proposed commitment that must exist in the idea's cycle. */
      draftCommitmentId: string | null;
    };

/** Decides one fate step (who may take it is the caller's check): what it writes, or why it is refused. */
export function fateChange(idea: FateSubject, dto: FateStepDto): FateChange {
  if (dto.step === 'publish') {
    if (idea.publishedAt) throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, 'the fate is already published');
    if (!FINAL_FATES.includes(idea.status))
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, `an idea ${idea.status} has no final fate to publish yet`, {
        from: idea.status,
        step: dto.step,
      });
    const explanation = dto.explanation ?? idea.explanation;
    if (idea.status !== 'retained' && !explanation)
      throw invalidFields('a fate other than "retained" is published with its explanation', {
        field: 'explanation',
        rule: 'required',
      });
    return { kind: 'publish', explanation: explanation ?? null };
  }
  const allowed = FATE_TRANSITIONS[idea.status]?.[dto.step];
  if (!allowed)
    throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, `cannot ${dto.step} an idea that is ${idea.status}`, {
      from: idea.status,
      step: dto.step,
    });
  let to: FateStatus = allowed[0];
  const set: Extract<FateChange, { kind: 'move' }>['set'] = {};
  let draftCommitmentId: string | null = null;
  if (dto.step === 'screen') {
    if (!dto.decision) throw invalidFields('screening needs a decision', { field: 'decision', rule: 'required' });
    to = dto.decision === 'accept' ? 'accepted' : 'rejected';
    if (to === 'rejected') {
      if (!dto.rejectionReason)
        throw invalidFields('a rejection needs its reason', { field: 'rejectionReason', rule: 'required' });
      set.rejection_reason = dto.rejectionReason;
    }
  }
  if (dto.step === 'group') {
    if (!dto.institution)
      throw invalidFields('grouping names the institution concerned', { field: 'institution', rule: 'required' });
    set.institution = dto.institution;
  }
  if (dto.step === 'retain') {
    if (!dto.draftCommitmentId)
      throw invalidFields('retaining names the proposed commitment', { field: 'draftCommitmentId', rule: 'required' });
    draftCommitmentId = dto.draftCommitmentId;
    set.draft_commitment_id = dto.draftCommitmentId;
  }
  if (dto.explanation) set.explanation = dto.explanation;
  return { kind: 'move', to, set, draftCommitmentId };
}
