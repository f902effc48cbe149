import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Actor } from '@ogp/auth';
import { SERVICE_CONFIG } from '@ogp/runtime';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { GatewayConfig } from '../gateway.config';
import { LiveSessions } from './live-sessions';
import { tokenKey } from './token-key';
import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

export interface AuthenticatedActor extends Actor {
  sessionId: string;
}

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

interface TokenRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Verifies the access token and that its session is still open (logout and deactivation end
 * access at once: LiveSessions).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly sessions: LiveSessions,
    @Inject(SERVICE_CONFIG) config: GatewayConfig,
  ) {
    super({
      jwtFromRequest: bearerToken,
      secretOrKey: tokenKey(config),
      ignoreExpiration: false,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  /** Called by passport once the token's signature and expiry are verified. */
  async validate(request: TokenRequest, claims: VerifiedClaims): Promise<AuthenticatedActor> {
    const actor = await this.actorOf(claims);
    const token = bearerToken(request as never);
    if (token) this.verified.remember(token, claims);
    return actor;
  }

  /**
   * The actor of a request whose bearer token was verified before and has not expired, its session
   * checked as on every request; null when the token must go through passport (new, changed or expired).
   */
  verifiedBefore(request: TokenRequest): Promise<AuthenticatedActor> | null {
    const token = bearerToken(request as never);
    const claims = token ? this.verified.get(token) : undefined;
    return claims ? this.actorOf(claims) : null;
  }

  /** The session still open (LiveSessions), the claims as the actor the services receive. */
  private async actorOf(claims: VerifiedClaims): Promise<AuthenticatedActor> {
    await this.sessions.assertLive(claims.sid, claims.sub);
    return { id: claims.sub, roles: claims.roles, scopes: claims.scopes, language: claims.lang, sessionId: claims.sid };
  }
}
