import { Actor } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { NewUser, UsersService } from '../identity/users.service';

/** The platform itself, acting when an operator bootstraps accounts from the command line. */
export const PLATFORM_ACTOR: Actor = {
  id: '00000000-0000-4000-8000-000000000000',
  roles: ['admin'],
  scopes: { institutions: [], programmes: [] },
};

/** Creates the account unless one with that e-mail exists; says which. */
export async function ensureAccount(users: UsersService, input: NewUser): Promise<'created' | 'exists'> {
  try {
    await users.createByStaff(PLATFORM_ACTOR, input);
    return 'created';
  } catch (err) {
    if (err instanceof DomainError && err.code === ErrorCode.ALREADY_EXISTS) return 'exists';
    throw err;
  }
}
