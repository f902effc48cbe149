import { AuthenticatedActor } from '../identity/jwt.strategy';

/** A request as the forwarding controllers read it: the actor the JwtStrategy put there, if any. */
export interface AuthedRequest {
  user?: AuthenticatedActor;
}
