import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface PasswordResetTokenRow {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  invalidated_at: Date | null;
}

export interface NewPasswordResetToken {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Password reset links, stored as the SHA-256 of their token; always inside the caller's transaction. */
@Injectable()
export class PasswordResetTokensRepository {
  async add(manager: EntityManager, token: NewPasswordResetToken): Promise<void> {
    await manager.query(
      `INSERT INTO password_reset_tokens (id, user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [token.id, token.userId, token.tokenHash, token.createdAt, token.expiresAt],
    );
  }

  /** The link with this token hash, locked until the caller's transaction ends. */
  async lockByHash(manager: EntityManager, tokenHash: string): Promise<PasswordResetTokenRow | undefined> {
    const [row] = await manager.query<PasswordResetTokenRow[]>(
      `SELECT id, user_id, expires_at, used_at, invalidated_at FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return row;
  }

  async markUsed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Every unused link of the account stops working (a newer one was sent, or the password changed). */
  async invalidateOpen(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE password_reset_tokens SET invalidated_at = $2 WHERE user_id = $1 AND used_at IS NULL AND invalidated_at IS NULL`,
      [userId, at],
    );
  }
}
