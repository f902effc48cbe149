import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { SERVICE_CONFIG } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { DECOY_HASH, verifyPassword } from './password';
import { UserEntity } from './user.entity';

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

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Log in, refresh, log out. Refresh tokens rotate: each is good for one use; presenting a used
 * one means it was stolen or replayed, so the whole session is revoked.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Checks the password with lockout after repeated failures; returns the user or throws. */
  async verifyCredentials(emailInput: string, password: string): Promise<UserEntity> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email })
      .getOne();
    if (!user) {
      await verifyPassword(DECOY_HASH, password);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new DomainError(ErrorCode.ACCOUNT_LOCKED, undefined, { lockedUntil: user.lockedUntil.toISOString() });
    }
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok || !user.active) {
      if (!ok) await this.recordFailure(user.id);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
    }
    if (user.failedLogins > 0 || user.lockedUntil) {
      await this.dataSource.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [user.id]);
    }
    return user;
  }

  async openSession(user: UserEntity): Promise<TokenPair> {
    return this.dataSource.transaction(async (manager) => {
      const sessionId = randomUUID();
      await manager.query(`INSERT INTO sessions (id, user_id) VALUES ($1, $2)`, [sessionId, user.id]);
      return this.issue(manager, user, sessionId);
    });
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw new DomainError(ErrorCode.TOKEN_INVALID);
    // Reuse revokes the session, and that revocation must commit even though the call fails.
    const outcome = await this.dataSource.transaction(async (manager): Promise<TokenPair | 'reused'> => {
      const [row] = await manager.query(
        `SELECT t.id, t.session_id, t.token_hash, t.expires_at, t.used_at, s.revoked_at, s.user_id
           FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
          WHERE t.id = $1 FOR UPDATE OF t, s`,
        [id],
      );
      if (!row) throw new DomainError(ErrorCode.TOKEN_INVALID);
      const expected = Buffer.from(row.token_hash, 'hex');
      const given = Buffer.from(sha256(secret), 'hex');
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        throw new DomainError(ErrorCode.TOKEN_INVALID);
      if (row.revoked_at) throw new DomainError(ErrorCode.TOKEN_INVALID);
      if (row.used_at) {
        await manager.query(
          `UPDATE sessions SET revoked_at = now(), revoked_reason = 'refresh token reused' WHERE id = $1`,
          [row.session_id],
        );
        return 'reused';
      }
      if (new Date(row.expires_at).getTime() <= Date.now()) throw new DomainError(ErrorCode.TOKEN_INVALID);
      const user = await manager.findOne(UserEntity, { where: { id: row.user_id } });
      if (!user || !user.active) throw new DomainError(ErrorCode.TOKEN_INVALID);
      await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
      return this.issue(manager, user, row.session_id);
    });
    if (outcome === 'reused') throw new DomainError(ErrorCode.TOKEN_INVALID);
    return outcome;
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** True while the session is open and its user active. */
  async sessionIsLive(sessionId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.active`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }

  private async recordFailure(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [userId, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCK_MINUTES],
    );
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
    await manager.query(`INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      tokenId,
      sessionId,
      sha256(secret),
      expiresAt,
    ]);
    return {
      accessToken,
      refreshToken: `${tokenId}.${secret}`,
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }
}
