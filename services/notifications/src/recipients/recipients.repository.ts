import { Injectable } from '@nestjs/common';
import { Language, RoleName, UserDirectoryEntry } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

export interface Recipient {
  userId: string;
  language: Language;
}

/** The notifications service's own copy of who can be reached, fed by identity events. */
@Injectable()
export class RecipientsRepository {
  async upsert(manager: EntityManager, entry: UserDirectoryEntry): Promise<void> {
    await manager.query(
      `INSERT INTO recipients (user_id, email, display_name, roles, scopes, language, active, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name, roles = EXCLUDED.roles,
         scopes = EXCLUDED.scopes, language = EXCLUDED.language, active = EXCLUDED.active, updated_at = now()`,
      [entry.userId, entry.email, entry.displayName, entry.roles, JSON.stringify(entry.scopes), entry.language, entry.active],
    );
  }

  async withRoles(manager: EntityManager, roles: RoleName[]): Promise<Recipient[]> {
    const rows: { user_id: string; language: Language }[] = await manager.query(
      `SELECT user_id, language FROM recipients WHERE active AND roles && $1::text[] ORDER BY user_id`,
      [roles],
    );
    return rows.map((r) => ({ userId: r.user_id, language: r.language }));
  }

  async byId(manager: EntityManager, userId: string): Promise<Recipient | null> {
    const [row] = await manager.query(`SELECT user_id, language FROM recipients WHERE user_id = $1 AND active`, [userId]);
    return row ? { userId: row.user_id, language: row.language } : null;
  }
}
