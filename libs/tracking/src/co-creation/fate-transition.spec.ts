import { DomainError, FATE_STATUSES, FateStatus, FateStepDto, FATE_STEPS } from '@ogp/contracts';
import { FATE_TRANSITIONS, fateChange, FateSubject, FINAL_FATES } from './fate-transition';

const idea = (status: FateStatus, more: Partial<FateSubject> = {}): FateSubject => ({
  status,
  explanation: null,
  publishedAt: null,
  ...more,
});
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    const err = e as DomainError;
    return { code: err.code, message: err.message, details: err.details };
  }
  return null;
};
const STATUSES = FATE_STATUSES as readonly FateStatus[];
/** Each step with what it needs, so only the table decides. */
const complete: Record<FateStepDto['step'], FateStepDto> = {
  screen: { step: 'screen', decision: 'accept' },
  group: { step: 'group', institution: 'وزارة المالية' },
  share: { step: 'share' },
  study: { step: 'study' },
  retain: { step: 'retain', draftCommitmentId: '00000000-0000-4000-8000-000000000001' },
  not_retain: { step: 'not_retain', explanation: 'خارج نطاق الحكومة المنفتحة' },
  publish: { step: 'publish', explanation: 'التفسير المنشور مع المآل' },
};

describe('fate transitions (seed 001)', () => {
  it('the path: received → screened → grouped → shared → studied → retained | not retained', () => {
    expect(fateChange(idea('received'), complete.screen)).toMatchObject({ kind: 'move', to: 'accepted' });
    expect(fateChange(idea('accepted'), complete.group)).toMatchObject({ kind: 'move', to: 'grouped' });
    expect(fateChange(idea('grouped'), complete.share)).toMatchObject({ kind: 'move', to: 'shared' });
    expect(fateChange(idea('shared'), complete.study)).toMatchObject({ kind: 'move', to: 'studied' });
    expect(fateChange(idea('studied'), complete.retain)).toMatchObject({ kind: 'move', to: 'retained' });
    expect(fateChange(idea('studied'), complete.not_retain)).toMatchObject({ kind: 'move', to: 'not_retained' });
  });

  it('every other (status, step) pair but publish is an illegal jump naming both', () => {
    for (const status of STATUSES)
      for (const step of FATE_STEPS.filter((s) => s !== 'publish')) {
        const allowed = !!FATE_TRANSITIONS[status]?.[step];
        const outcome = refusal(() => fateChange(idea(status), complete[step]));
        if (allowed) expect(outcome).toBeNull();
        else
          expect(outcome).toEqual({
            code: 'ILLEGAL_TRANSITION',
            message: `cannot ${step} an idea that is ${status}`,
            details: { from: status, step },
          });
      }
  });

  it('screening needs a decision; a rejection needs its reason, which it writes', () => {
    expect(refusal(() => fateChange(idea('received'), { step: 'screen' }))?.code).toBe('VALIDATION_FAILED');
    expect(refusal(() => fateChange(idea('received'), { step: 'screen', decision: 'reject' }))?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      fateChange(idea('received'), { step: 'screen', decision: 'reject', rejectionReason: 'not_precise' }),
    ).toEqual({ kind: 'move', to: 'rejected', set: { rejection_reason: 'not_precise' }, draftCommitmentId: null });
  });

  it('grouping names the institution; retaining names the proposed commitment (checked by the caller)', () => {
    expect(refusal(() => fateChange(idea('accepted'), { step: 'group' }))?.code).toBe('VALIDATION_FAILED');
    expect(fateChange(idea('accepted'), complete.group)).toEqual({
      kind: 'move',
      to: 'grouped',
      set: { institution: 'وزارة المالية' },
      draftCommitmentId: null,
    });
    expect(refusal(() => fateChange(idea('studied'), { step: 'retain' }))?.code).toBe('VALIDATION_FAILED');
    expect(fateChange(idea('studied'), complete.retain)).toEqual({
      kind: 'move',
      to: 'retained',
      set: { draft_commitment_id: complete.retain.draftCommitmentId },
      draftCommitmentId: complete.retain.draftCommitmentId,
    });
  });

  it('an explanation given with a step is written with it', () => {
    expect(fateChange(idea('grouped'), { step: 'share', explanation: 'أرسلت إلى المؤسسة' })).toMatchObject({
      set: { explanation: 'أرسلت إلى المؤسسة' },
    });
  });

  it('only a final fate is published, once; other than "retained" it needs an explanation', () => {
    for (const status of STATUSES.filter((s) => !FINAL_FATES.includes(s)))
      expect(refusal(() => fateChange(idea(status), complete.publish))).toEqual({
        code: 'ILLEGAL_TRANSITION',
        message: `an idea ${status} has no final fate to publish yet`,
        details: { from: status, step: 'publish' },
      });
    expect(refusal(() => fateChange(idea('retained', { publishedAt: new Date() }), complete.publish))?.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(refusal(() => fateChange(idea('not_retained'), { step: 'publish' }))?.code).toBe('VALIDATION_FAILED');
    expect(fateChange(idea('retained'), { step: 'publish' })).toEqual({ kind: 'publish', explanation: null });
    expect(fateChange(idea('rejected', { explanation: 'سبب سابق' }), { step: 'publish' })).toEqual({
      kind: 'publish',
      explanation: 'سبب سابق',
    });
  });
});
