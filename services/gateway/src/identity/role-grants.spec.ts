import { Actor, Role } from '@ogp/auth';
import { RoleGrants } from './role-grants';

const actor = (...roles: Role[]): Actor => ({ id: 'a', roles, scopes: { institutions: [], programmes: [] } });
const admin = actor('admin');
const coordinator = actor('coordinator');

describe('role grants', () => {
  it('an admin grants any role', () => {
    expect(RoleGrants.mayGrant(admin, ['admin', 'coordinator', 'citizen'])).toBe(true);
  });

  it('a coordinator grants project-manager and committee roles only', () => {
    expect(RoleGrants.mayGrant(coordinator, ['project_manager', 'committee_member'])).toBe(true);
    expect(RoleGrants.mayGrant(coordinator, ['project_manager', 'coordinator'])).toBe(false);
    expect(RoleGrants.mayGrant(coordinator, ['admin'])).toBe(false);
    expect(RoleGrants.mayGrant(coordinator, ['citizen'])).toBe(false);
  });

  it('an admin manages every account', () => {
    for (const roles of [['admin'], ['citizen'], ['cso'], ['coordinator'], []] as Role[][])
      expect(RoleGrants.manage(admin, roles)).toBe('allowed');
  });

  it('a coordinator manages project managers and committee members, cannot touch a fellow coordinator, and does not see the public', () => {
    expect(RoleGrants.manage(coordinator, ['project_manager'])).toBe('allowed');
    expect(RoleGrants.manage(coordinator, ['committee_member', 'project_manager'])).toBe('allowed');
    expect(RoleGrants.manage(coordinator, ['coordinator'])).toBe('forbidden');
    expect(RoleGrants.manage(coordinator, ['citizen'])).toBe('hidden');
    expect(RoleGrants.manage(coordinator, ['cso'])).toBe('hidden');
    expect(RoleGrants.manage(coordinator, ['admin'])).toBe('hidden');
    expect(RoleGrants.manage(coordinator, [])).toBe('hidden');
  });
});
