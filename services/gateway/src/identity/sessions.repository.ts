import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@ogp/persistence';
import { DataSource, EntityManager } from 'typeorm';

/** A refresh token with its session, as a refresh reads it. */
export interface RefreshTokenRow {
  id: string;
  session_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  user_id: string;
}

export interface NewRefreshToken {
  id: string;
  sessionId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** Sessions and their refresh tokens (only the tokens' SHA-256 is stored). */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async open(manager: EntityManager, sessionId: string, userId: string): Promise<void> {
    await manager.query(`INSERT INTO sessions (id, user_id) VALUES ($1, $2)`, [sessionId, userId]);
  }

  async addRefreshToken(manager: EntityManager, token: NewRefreshToken): Promise<void> {
    await manager.query(`INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      token.id,
      token.sessionId,
      token.tokenHash,
      token.expiresAt,
    ]);
  }

  /** The refresh token and its session, both locked until the caller's transaction ends. */
  async lockRefreshToken(manager: EntityManager, tokenId: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await manager.query<RefreshTokenRow[]>(
      `SELECT t.id, t.session_id, t.token_hash, t.expires_at, t.used_at, s.revoked_at, s.user_id
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.id = $1 FOR UPDATE OF t, s`,
      [tokenId],
    );
    return row;
  }

  async markRefreshTokenUsed(manager: EntityManager, tokenId: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [tokenId]);
  }

  /** Ends one session (if still open), saying why. */
  async revoke(sessionId: string, reason: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /** Ends every open session of an account, but `keep` (the caller's own) when given. */
  async revokeAllOf(manager: EntityManager, userId: string, reason: string, keep?: string): Promise<void> {
    if (keep)
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND id <> $3 AND revoked_at IS NULL`,
        [userId, reason, keep],
      );
    else
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId, reason],
      );
  }

  /**
   * True while the session is open and its account active. Asked for every person's first request
   * and again after SESSION_RECHECK_SECONDS (LiveSessions): a prepared statement on the pool, not TypeORM's query runner.
   */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const rows = await preparedQuery<unknown>(
      this.dataSource,
      this.dataSource.manager,
      'gateway.sessions.live',
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.active`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }
}
