import { Injectable } from '@nestjs/common';
import { Role } from '@ogp/auth';
import { Language, ScopeSet } from '@ogp/contracts';
import { DataSource } from 'typeorm';

/** The account a private feed's token opens. */
export interface CalendarFeedOwner {
  id: string;
  roles: Role[];
  scopes: ScopeSet;
  language: Language;
}

/** The private calendar feeds' token hashes, one per person. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Replaces the person's token: the previous link stops working at once. */
  async replace(userId: string, tokenHash: string): Promise<Date> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now() RETURNING created_at`,
      [userId, tokenHash],
    );
    return row.created_at;
  }

  async remove(userId: string): Promise<boolean> {
    // A DELETE answers [rows, affected count].
    const [, removed] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM calendar_feeds WHERE user_id = $1`,
      [userId],
    );
    return removed > 0;
  }

  async createdAt(userId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `SELECT created_at FROM calendar_feeds WHERE user_id = $1`,
      [userId],
    );
    return row?.created_at ?? null;
  }

  /** The active account a token opens, or nothing (unknown, revoked, or the account deactivated). */
  async owner(tokenHash: string): Promise<CalendarFeedOwner | null> {
    const [row] = await this.dataSource.query<CalendarFeedOwner[]>(
      `SELECT u.id, u.roles, u.scopes, u.language FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1 AND u.active`,
      [tokenHash],
    );
    return row ?? null;
  }
}
