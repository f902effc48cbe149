import { Actor } from '@ogp/auth';
import { AuthenticatedActor } from '../identity/jwt.strategy';

/** The actor as it travels in the x-actor header: no session id, nothing secret. */
export function forwardedActor(user: AuthenticatedActor | undefined): Actor | undefined {
  if (!user) return undefined;
  return { id: user.id, roles: user.roles, scopes: user.scopes, language: user.language };
}
