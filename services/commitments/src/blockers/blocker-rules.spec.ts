import { Actor } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { assertNotClosed, blockerScope, blockerVisibility } from './blocker-rules';

const actor = (roles: Actor['roles']): Actor => ({
  id: 'a',
  roles,
  scopes: { institutions: ['i1'], programmes: ['p1'] },
});
const row = { programme_id: 'p', lead_institution_id: 'i' };

describe('blocker rules', () => {
  it('a committee member acts by programme; a project manager (even one in a committee) by institution', () => {
    expect(blockerScope(actor(['committee_member']), row)).toEqual({ programmeId: 'p' });
    expect(blockerScope(actor(['committee_member', 'project_manager']), row)).toEqual({ institutionId: 'i' });
    expect(blockerScope(actor(['coordinator']), row)).toEqual({ institutionId: 'i' });
  });

  it('a closed blocker cannot be answered or closed again', () => {
    expect(() => assertNotClosed('open', 'answer')).not.toThrow();
    expect(() => assertNotClosed('answered', 'close')).not.toThrow();
    for (const doing of ['answer', 'close'] as const) {
      try {
        assertNotClosed('closed', doing);
        fail('expected a refusal');
      } catch (err) {
        expect((err as DomainError).code).toBe(ErrorCode.CONFLICT);
      }
    }
  });

  it('the coordination team sees every blocker; others by the scope of each of their roles', () => {
    expect(blockerVisibility(actor(['admin'])).all).toBe(true);
    expect(blockerVisibility(actor(['project_manager']))).toEqual({
      all: false,
      institutions: ['i1'],
      programmes: null,
    });
    expect(blockerVisibility(actor(['committee_member']))).toEqual({
      all: false,
      institutions: null,
      programmes: ['p1'],
    });
    expect(blockerVisibility(actor(['citizen']))).toEqual({ all: false, institutions: null, programmes: null });
  });
});
