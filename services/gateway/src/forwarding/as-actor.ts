import { Actor } from '@ogp/auth';
import { AuthedRequest } from './authed-request';
import { forwardedActor } from './forwarded-actor';

/** The request options that carry the caller to the owning service, which checks its scope again. */
export function asActor(req: AuthedRequest): { actor: Actor | undefined } {
  return { actor: forwardedActor(req.user) };
}
