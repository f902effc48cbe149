import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { hasAnyRole, PUBLIC_KEY, Role, ROLES_KEY } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { domainErrorFromDatabase } from '@ogp/persistence';
import { requestContext } from '@ogp/runtime';
import { AuthenticatedActor, JwtStrategy } from '../identity/jwt.strategy';

type GuardedRequest = { headers: Record<string, string | undefined>; user?: AuthenticatedActor };

/**
 * The gateway's global guard. A route is open only if it says @Public(); otherwise it needs a
 * valid access token and one of the roles in its @Roles(). A route that declares neither is
 * refused to everyone: deny by default.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtStrategy,
  ) {
    super();
  }

  /** Sets request.user from the bearer token: from a token verified before when it can, through passport otherwise. */
  private async authenticate(context: ExecutionContext): Promise<void> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const known = this.jwt.verifiedBefore(request);
    if (!known) {
      await super.canActivate(context);
      return;
    }
    try {
      request.user = await known;
    } catch (err) {
      // The same answers as handleRequest gives on passport's path.
      if (err instanceof DomainError) throw err;
      throw domainErrorFromDatabase(err) ?? err;
    }
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      // Public, but a valid token still tells the service who reads (an author sees their own idea).
      if (context.switchToHttp().getRequest<GuardedRequest>().headers.authorization) {
        await this.authenticate(context).catch(() => undefined);
      }
      return true;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new DomainError(ErrorCode.FORBIDDEN, 'route admits no role');
    await this.authenticate(context);
    const actor = context.switchToHttp().getRequest<GuardedRequest>().user;
    const store = requestContext.getStore();
    if (store && actor) store.actorId = actor.id;
    if (!hasAnyRole(actor, roles)) throw new DomainError(ErrorCode.FORBIDDEN);
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown, context: ExecutionContext): T {
    if (err instanceof DomainError) throw err;
    // A token passport could not verify arrives as `info`; an `err` is the session check failing: never the caller's 401.
    if (err) throw domainErrorFromDatabase(err) ?? err;
    if (!user) {
      const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
        .headers.authorization;
      throw new DomainError(
        header ? ErrorCode.TOKEN_INVALID : ErrorCode.UNAUTHENTICATED,
        info instanceof Error ? info.message : undefined,
      );
    }
    return user;
  }
}
