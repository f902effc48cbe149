import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { followLink, NATS_CONNECTION, withPrefix } from '@ogp/messaging';
import { SERVICE_CONFIG } from '@ogp/runtime';
import { NatsConnection, Subscription } from 'nats';
import { GatewayConfig } from '../gateway.config';
import { SessionsRepository } from './sessions.repository';

/** Every gateway replica hears this (no queue group): sessions were revoked through one of them. */
export const SESSIONS_REVOKED_SUBJECT = 'gateway.sessions.revoked';

/** How long a session found open is taken as open while revocations may go unheard (NATS away). */
const UNHEARD_MS = 3_000;
const MAX_SESSIONS = 10_000;

interface Revocation {
  /** One session (logout, refresh token reused) ... */
  session?: string;
  /** ... or every session of a person but `keep` (password reset or change, deactivation, roles changed). */
  user?: string;
  keep?: string;
}

/**
 * Whether an access token's session is still open, asked of Postgres once per session and again
 * after SESSION_RECHECK_SECONDS. A revocation ends access at once on every replica: the replica that revoked tells
 * the others over NATS, and each forgets the sessions named. While NATS is away a revocation may go
 * unheard, so a session is asked again after UNHEARD_MS, as it always was before, and a reconnect
 * forgets every session.
 */
@Injectable()
export class LiveSessions implements OnModuleInit, OnModuleDestroy {
  /** `${sessionId}:${userId}` -> when Postgres last said it was open. */
  private readonly checkedAt = new Map<string, number>();
  /** Counts revocations heard: a check that started before one is not kept (it may predate the revocation). */
  private heard = 0;
  private linked = true;
  private subscription: Subscription | null = null;

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    followLink(this.nc, {
      down: () => (this.linked = false),
      up: () => {
        // Whatever was revoked meanwhile went unheard.
        this.forgetAll();
        this.linked = true;
      },
    });
    this.subscription = this.nc.subscribe(withPrefix(this.config.NATS_PREFIX, SESSIONS_REVOKED_SUBJECT), {
      callback: (_err, msg) => {
        let revocation: Revocation | null = null;
        try {
          revocation = JSON.parse(msg.string()) as Revocation;
        } catch {
          revocation = null;
        }
        if (typeof revocation?.session === 'string') this.forget(revocation.session);
        else if (typeof revocation?.user === 'string') this.forgetUser(revocation.user, revocation.keep);
        else this.forgetAll(); // unreadable: forget everything rather than miss one
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  /** Refuses (TOKEN_INVALID) a session revoked or an account deactivated. */
  async assertLive(sessionId: string, userId: string): Promise<void> {
    const key = `${sessionId}:${userId}`;
    const checkedAt = this.checkedAt.get(key);
    const bound = this.linked ? this.config.SESSION_RECHECK_SECONDS * 1000 : UNHEARD_MS;
    if (checkedAt !== undefined && Date.now() - checkedAt <= bound) return;
    const heardBefore = this.heard;
    if (!(await this.sessions.isLive(sessionId, userId))) {
      this.checkedAt.delete(key);
      throw new DomainError(ErrorCode.TOKEN_INVALID);
    }
    if (this.heard !== heardBefore) return; // a revocation arrived meanwhile: this answer may be older
    if (this.checkedAt.size >= MAX_SESSIONS) this.checkedAt.clear();
    this.checkedAt.set(key, Date.now());
  }

  /** A session was revoked here (committed): forget it, and tell the other replicas. */
  revoked(sessionId: string): void {
    this.forget(sessionId);
    this.announce({ session: sessionId });
  }

  /** Every session of a person but `keep` was revoked here (committed): forget them, and tell the other replicas. */
  revokedAllOf(userId: string, keep?: string): void {
    this.forgetUser(userId, keep);
    this.announce({ user: userId, keep });
  }

  private announce(revocation: Revocation): void {
    if (!this.nc.isClosed())
      this.nc.publish(withPrefix(this.config.NATS_PREFIX, SESSIONS_REVOKED_SUBJECT), JSON.stringify(revocation));
  }

  private forget(sessionId: string): void {
    this.heard += 1;
    for (const key of this.checkedAt.keys()) if (key.startsWith(`${sessionId}:`)) this.checkedAt.delete(key);
  }

  private forgetUser(userId: string, keep?: string): void {
    this.heard += 1;
    for (const key of this.checkedAt.keys())
      if (key.endsWith(`:${userId}`) && key !== `${keep}:${userId}`) this.checkedAt.delete(key);
  }

  private forgetAll(): void {
    this.heard += 1;
    this.checkedAt.clear();
  }
}
