import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { DomainError, ErrorCode, Language } from '@ogp/contracts';
import { sha256 } from '../identity/sha256';
import { CalendarFeedsRepository } from './calendar-feeds.repository';

/** A person's private calendar feed: whether it exists, and its link only when just issued. */
export interface CalendarFeedView {
  active: boolean;
  createdAt: string | null;
  /** The feed's path on the gateway, shown once: only its hash is kept. */
  path: string | null;
}

/** The path a calendar app subscribes to: the token stands for the person, no session needed. */
export const personalCalendarPath = (token: string) => `/calendars/personal/${token}/deadlines.ics`;

/**
 * Private, revocable calendar feed links. A token is 256 random bits (so a plain SHA-256 is
 * enough to store it: nothing to brute-force); issuing a new one replaces the old.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(private readonly feeds: CalendarFeedsRepository) {}

  async status(userId: string): Promise<CalendarFeedView> {
    const createdAt = await this.feeds.createdAt(userId);
    return { active: createdAt !== null, createdAt: createdAt?.toISOString() ?? null, path: null };
  }

  async issue(userId: string): Promise<CalendarFeedView> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = await this.feeds.replace(userId, sha256(token));
    return { active: true, createdAt: createdAt.toISOString(), path: personalCalendarPath(token) };
  }

  async revoke(userId: string): Promise<void> {
    await this.feeds.remove(userId);
  }

  /** The person a token stands for, as the actor the reporting service reads; unknown or revoked: 404. */
  async actor(token: string): Promise<Actor & { language: Language }> {
    const owner = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.feeds.owner(sha256(token)) : null;
    if (!owner) throw new DomainError(ErrorCode.NOT_FOUND, 'no such calendar feed');
    return { id: owner.id, roles: owner.roles, scopes: owner.scopes, language: owner.language };
  }
}
