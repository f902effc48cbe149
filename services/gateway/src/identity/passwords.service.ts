import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { AccountMailEvent, AccountMailEvents, DomainError, ErrorCode } from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { Clock, LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { RateLimiter } from '../access/rate-limiter';
import { GatewayConfig } from '../gateway.config';
import { AuditTrailRepository } from './audit-trail.repository';
import { hashPassword, verifyPassword } from './password';
import { PasswordPolicy } from './password-policy';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { resetLinkUsable } from './reset-link';
import { SessionsRepository } from './sessions.repository';
import { sha256 } from './sha256';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** A reset link is good for this long, once. */
export const RESET_TOKEN_TTL_MINUTES = 30;
/** Reset e-mails per address per hour: more would let anyone flood someone's inbox. */
const RESET_MAILS_PER_HOUR = 5;

function mailTo(user: UserEntity): AccountMailEvent {
  return { userId: user.id, email: user.email, displayName: user.displayName, language: user.language };
}

/**
 * Setting a password: reset by e-mail (a single-use token, only its SHA-256 stored, expiring, the
 * previous ones invalidated) and change by its owner. Either way the policy applies, the account's
 * other sessions end and its owner is told by e-mail.
 */
@Injectable()
export class PasswordsService implements OnModuleDestroy {
  /** Reset links being issued after their answer left; a graceful stop waits for them. */
  private readonly issuing = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly resetLinks: PasswordResetTokensRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrailRepository,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.issuing]);
  }

  /**
   * Sends a reset link if the address has an active account; says nothing either way. The link
   * is issued after the answer, so a known address takes no longer to answer than an unknown one.
   */
  async requestReset(emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    try {
      await this.limiter.hit(`reset-mail:${sha256(email)}`, RESET_MAILS_PER_HOUR, 3600);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.RATE_LIMITED) return;
      throw err;
    }
    const task = this.issue(email).catch((err: Error) =>
      this.logger.error({ err: err.message }, 'password reset link not issued'),
    );
    this.issuing.add(task);
    void task.finally(() => this.issuing.delete(task));
  }

  private async issue(email: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByEmail(email, manager, true);
      if (!user || !user.active) return;
      const now = this.clock.now();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000);
      await this.resetLinks.invalidateOpen(manager, user.id, now);
      await this.resetLinks.add(manager, {
        id: randomUUID(),
        userId: user.id,
        tokenHash: sha256(token),
        createdAt: now,
        expiresAt,
      });
      await this.audit.record(manager, {
        userId: user.id,
        actorId: null,
        action: 'password_reset_requested',
        details: { expiresAt: expiresAt.toISOString() },
      });
      const resetUrl = `${this.config.PORTAL_URL.replace(/\/+$/, '')}/${user.language}/reset-password?token=${token}`;
      await this.outbox.add(manager, AccountMailEvents.passwordResetRequested, {
        aggregate: { type: 'user', id: user.id },
        data: { ...mailTo(user), resetUrl, expiresAt: expiresAt.toISOString() },
        actorId: null,
      });
    });
  }

  /** Sets the password the link allows, once; returns the account whose sessions ended. */
  async confirmReset(token: string, password: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.resetLinks.lockByHash(manager, sha256(token));
      const now = this.clock.now();
      if (!resetLinkUsable(row, now)) throw new DomainError(ErrorCode.RESET_TOKEN_INVALID);
      const user = await this.users.lockById(manager, row.user_id);
      if (!user || !user.active) throw new DomainError(ErrorCode.RESET_TOKEN_INVALID);
      PasswordPolicy.check(password, { email: user.email, displayName: user.displayName });
      await this.resetLinks.markUsed(manager, row.id, now);
      await this.resetLinks.invalidateOpen(manager, user.id, now);
      // The reset proves control of the address: it also lifts a lockout.
      await this.users.setPasswordHash(manager, user.id, await hashPassword(password), { liftLockout: true });
      await this.sessions.revokeAllOf(manager, user.id, 'password reset');
      await this.audit.record(manager, {
        userId: user.id,
        actorId: user.id,
        action: 'password_reset',
        details: { sessionsRevoked: 'all' },
      });
      await this.outbox.add(manager, AccountMailEvents.passwordChanged, {
        aggregate: { type: 'user', id: user.id },
        data: mailTo(user),
        actorId: user.id,
      });
      return user.id;
    });
  }

  /** The owner changes their password; every other session of theirs ends. */
  async change(userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw new DomainError(ErrorCode.TOKEN_INVALID);
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw new DomainError(ErrorCode.CURRENT_PASSWORD_INVALID);
    PasswordPolicy.check(newPassword, { email: user.email, displayName: user.displayName });
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.lockById(manager, userId);
      // Changed by a concurrent call since it was checked: the current password given is no longer current.
      if (!locked || locked.passwordHash !== user.passwordHash)
        throw new DomainError(ErrorCode.CURRENT_PASSWORD_INVALID);
      await this.users.setPasswordHash(manager, userId, passwordHash, { liftLockout: false });
      await this.sessions.revokeAllOf(manager, userId, 'password changed', sessionId);
      await this.resetLinks.invalidateOpen(manager, userId, this.clock.now());
      await this.audit.record(manager, {
        userId,
        actorId: userId,
        action: 'password_changed',
        details: { sessionsRevoked: 'others' },
      });
      await this.outbox.add(manager, AccountMailEvents.passwordChanged, {
        aggregate: { type: 'user', id: userId },
        data: mailTo(locked),
        actorId: userId,
      });
    });
  }
}
