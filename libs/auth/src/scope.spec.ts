import { DomainError } from '@ogp/contracts';
import { Actor, parseActor } from './actor';
import { assertProgrammeStaff, assertScope, isInScope, listScope } from './scope';

const pm: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  roles: ['project_manager'],
  scopes: { institutions: ['inst-a'], programmes: ['prog-1'] },
};
const coordinator: Actor = {
  id: '00000000-0000-4000-8000-000000000002',
  roles: ['coordinator'],
  scopes: { institutions: [], programmes: [] },
};

describe('scope checks in the owning service', () => {
  it('a project manager acts within their own institution only', () => {
    expect(isInScope(pm, { institutionId: 'inst-a' })).toBe(true);
    expect(isInScope(pm, { institutionId: 'inst-b' })).toBe(false);
    expect(isInScope(pm, { institutionId: 'inst-a', programmeId: 'prog-2' })).toBe(false);
  });

  it('a target that names no scope is out of scope for a scoped role', () => {
    expect(isInScope(pm, {})).toBe(false);
  });

  it('coordinators and admins act across institutions', () => {
    expect(isInScope(coordinator, { institutionId: 'inst-b' })).toBe(true);
  });

  it('assertScope says why: no actor, wrong role, out of scope', () => {
    const code = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainError).code;
      }
      return 'none';
    };
    expect(code(() => assertScope(null, ['project_manager'], { institutionId: 'inst-a' }))).toBe('UNAUTHENTICATED');
    expect(code(() => assertScope(pm, ['committee_member'], { institutionId: 'inst-a' }))).toBe('FORBIDDEN');
    expect(code(() => assertScope(pm, ['project_manager'], { institutionId: 'inst-b' }))).toBe('OUT_OF_SCOPE');
    expect(code(() => assertScope(pm, ['project_manager'], { institutionId: 'inst-a' }))).toBe('none');
  });

  it('an actor header that is malformed or claims an unknown role counts as no actor', () => {
    expect(parseActor('not json')).toBeNull();
    expect(parseActor(JSON.stringify({ id: pm.id, roles: ['superuser'], scopes: pm.scopes }))).toBeNull();
    expect(parseActor(JSON.stringify({ id: 'x', roles: ['citizen'] }))).toBeNull();
    expect(parseActor(JSON.stringify(pm))).toEqual({ ...pm, language: undefined });
  });

  it('a list shows the coordination team everything and anyone else their own scopes only', () => {
    expect(listScope(coordinator)).toBeNull();
    expect(listScope(pm)).toEqual({ institutions: ['inst-a'], programmes: ['prog-1'] });
    const member: Actor = {
      id: '00000000-0000-4000-8000-000000000003',
      roles: ['committee_member'],
      scopes: { institutions: [], programmes: [] },
    };
    expect(listScope(member)).toEqual({ institutions: [], programmes: [] });
  });

  it('programme settings: an admin anywhere, a coordinator within their programmes, nobody else', () => {
    const code = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainError).code;
      }
      return 'none';
    };
    const scopedCoordinator: Actor = { ...coordinator, scopes: { institutions: [], programmes: ['prog-1'] } };
    const committee: Actor = {
      ...pm,
      roles: ['committee_member'],
      scopes: { institutions: [], programmes: ['prog-1'] },
    };
    expect(code(() => assertProgrammeStaff(scopedCoordinator, 'prog-1'))).toBe('none');
    expect(code(() => assertProgrammeStaff(scopedCoordinator, 'prog-2'))).toBe('OUT_OF_SCOPE');
    expect(code(() => assertProgrammeStaff(coordinator, 'prog-2'))).toBe('none');
    expect(
      code(() =>
        assertProgrammeStaff(
          { ...coordinator, roles: ['admin'], scopes: { institutions: [], programmes: ['prog-1'] } },
          'prog-2',
        ),
      ),
    ).toBe('none');
    expect(code(() => assertProgrammeStaff(committee, 'prog-1'))).toBe('FORBIDDEN');
    expect(code(() => assertProgrammeStaff(null, 'prog-1'))).toBe('UNAUTHENTICATED');
  });
});
