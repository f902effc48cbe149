import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { hasAnyRole, PUBLIC_KEY, Role, ROLES_KEY } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { domainErrorFromDatabase } from '@ogp/persistence';
import { requestContext } from '@ogp/runtime';
import { AuthenticatedActor } from '../identity/jwt.strategy';

/**
 * The gateway's global guard. A route is open only if it says @Public(); otherwise it needs a
 * valid access token and one of the roles in its @Roles(). A route that declares neither is
 * refused to everyone: deny by default.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      // Public, but a valid token still tells the service who reads (an author sees their own idea).
      if (context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization) {
        await (super.canActivate(context) as Promise<boolean>).catch(() => undefined);
      }
      return true;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new DomainError(ErrorCode.FORBIDDEN, 'route admits no role');
    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user?: AuthenticatedActor }>().user;
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
