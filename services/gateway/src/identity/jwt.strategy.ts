import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Actor } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { SERVICE_CONFIG } from '@ogp/runtime';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { GatewayConfig } from '../gateway.config';
import { AccessClaims, AuthService } from './auth.service';

export interface AuthenticatedActor extends Actor {
  sessionId: string;
}

const LIVE_CACHE_MS = 3000;
const LIVE_CACHE_MAX = 10000;

/**
 * Verifies the access token and that its session is still open (logout and deactivation end
 * access at once, give or take a few seconds of cache).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly live = new Map<string, number>();

  constructor(
    private readonly auth: AuthService,
    @Inject(SERVICE_CONFIG) config: GatewayConfig,
  ) {
    // A key object made once: given the string, jsonwebtoken builds one on every verification (~50x the cost of the HMAC).
    // jsonwebtoken accepts a KeyObject; passport-jwt's types only name string | Buffer.
    const key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as Buffer;
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: key,
      ignoreExpiration: false,
      algorithms: ['HS256'],
    });
  }

  async validate(claims: AccessClaims): Promise<AuthenticatedActor> {
    const key = `${claims.sid}:${claims.sub}`;
    const checkedAt = this.live.get(key);
    if (!checkedAt || Date.now() - checkedAt > LIVE_CACHE_MS) {
      if (!(await this.auth.sessionIsLive(claims.sid, claims.sub))) {
        this.live.delete(key);
        throw new DomainError(ErrorCode.TOKEN_INVALID);
      }
      if (this.live.size >= LIVE_CACHE_MAX) this.live.clear();
      this.live.set(key, Date.now());
    }
    return { id: claims.sub, roles: claims.roles, scopes: claims.scopes, language: claims.lang, sessionId: claims.sid };
  }

  forget(sessionId: string): void {
    for (const key of this.live.keys()) if (key.startsWith(`${sessionId}:`)) this.live.delete(key);
  }

  /** Every cached session of a person, after their sessions were revoked (password reset or change). */
  forgetUser(userId: string, keepSessionId?: string): void {
    for (const key of this.live.keys())
      if (key.endsWith(`:${userId}`) && key !== `${keepSessionId}:${userId}`) this.live.delete(key);
  }
}
