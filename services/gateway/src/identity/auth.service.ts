import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { SERVICE_CONFIG } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { DECOY_HASH, verifyPassword } from './password';
import { LiveSessions } from './live-sessions';
import { RefreshTokenRotation } from './refresh-token-rotation';
import { SessionsRepository } from './sessions.repository';
import { sha256 } from './sha256';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Claims of an access token. `sid` names the session, so logging out ends the access token too. */
export interface AccessClaims {
  sub: string;
  sid: string;
  roles: Actor['roles'];
  scopes: Actor['scopes'];
  lang: Actor['language'];
}

/**
 * Log in, refresh, log out. Refresh tokens rotate: each is good for one use; presenting a used
 * one means it was stolen or replayed, so the whole session is revoked.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly jwt: JwtService,
    private readonly liveSessions: LiveSessions,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Checks the password with lockout after repeated failures; returns the user or throws. */
  async verifyCredentials(emailInput: string, password: string): Promise<UserEntity> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.users.findByEmail(email);
    if (!user) {
      await verifyPassword(DECOY_HASH, password);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new DomainError(ErrorCode.ACCOUNT_LOCKED, undefined, { lockedUntil: user.lockedUntil.toISOString() });
    }
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok || !user.active) {
      if (!ok)
        await this.users.recordFailedLogin(user.id, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCK_MINUTES);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
    }
    if (user.failedLogins > 0 || user.lockedUntil) {
      await this.users.clearFailedLogins(user.id);
    }
    return user;
  }

  async openSession(user: UserEntity): Promise<TokenPair> {
    return this.dataSource.transaction(async (manager) => {
      const sessionId = randomUUID();
      await this.sessions.open(manager, sessionId, user.id);
      return this.issue(manager, user, sessionId);
    });
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const parsed = RefreshTokenRotation.parse(refreshToken);
    if (!parsed) throw new DomainError(ErrorCode.TOKEN_INVALID);
    // Reuse revokes the session, and that revocation must commit even though the call fails.
    // A reused token's session is revoked in the transaction, which answers that session's id.
    const outcome = await this.dataSource.transaction(async (manager): Promise<TokenPair | string> => {
      const row = await this.sessions.lockRefreshToken(manager, parsed.id);
      const verdict = RefreshTokenRotation.verdict(row, sha256(parsed.secret), new Date());
      if (verdict === 'invalid' || !row) throw new DomainError(ErrorCode.TOKEN_INVALID);
      if (verdict === 'reused') {
        await this.sessions.revoke(row.session_id, 'refresh token reused', manager);
        return row.session_id;
      }
      const user = await this.users.findById(row.user_id, manager);
      if (!user || !user.active) throw new DomainError(ErrorCode.TOKEN_INVALID);
      await this.sessions.markRefreshTokenUsed(manager, parsed.id);
      return this.issue(manager, user, row.session_id);
    });
    if (typeof outcome === 'string') {
      this.liveSessions.revoked(outcome); // committed: the session's access tokens end now, on every replica
      throw new DomainError(ErrorCode.TOKEN_INVALID);
    }
    return outcome;
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, 'logout');
  }

  private async issue(manager: EntityManager, user: UserEntity, sessionId: string): Promise<TokenPair> {
    const claims: AccessClaims = {
      sub: user.id,
      sid: sessionId,
      roles: user.roles,
      scopes: user.scopes,
      lang: user.language,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
    const tokenId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400 * 1000);
    await this.sessions.addRefreshToken(manager, { id: tokenId, sessionId, tokenHash: sha256(secret), expiresAt });
    return {
      accessToken,
      refreshToken: `${tokenId}.${secret}`,
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }
}
