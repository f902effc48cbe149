import { Injectable } from '@nestjs/common';
import { AlertAudience, RoleName, UserDirectoryEntry } from '@ogp/contracts';
import { EntityManager } from 'typeorm';
import { Recipient } from './recipient';

const COLUMNS = `user_id AS "userId", language, email`;

/** The notifications service's own copy of who can be reached, fed by identity events. */
@Injectable()
export class RecipientsRepository {
  async upsert(manager: EntityManager, entry: UserDirectoryEntry): Promise<void> {
    await manager.query(
      `INSERT INTO recipients (user_id, email, display_name, roles, scopes, language, active, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name, roles = EXCLUDED.roles,
         scopes = EXCLUDED.scopes, language = EXCLUDED.language, active = EXCLUDED.active, updated_at = now()`,
      [
        entry.userId,
        entry.email,
        entry.displayName,
        entry.roles,
        JSON.stringify(entry.scopes),
        entry.language,
        entry.active,
      ],
    );
  }

  withRoles(manager: EntityManager, roles: readonly RoleName[]): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT ${COLUMNS} FROM recipients WHERE active AND roles && $1::text[] ORDER BY user_id`,
      [roles],
    );
  }

  byIds(manager: EntityManager, ids: string[]): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT ${COLUMNS} FROM recipients WHERE active AND user_id = ANY($1::uuid[]) ORDER BY user_id`,
      [ids],
    );
  }

  /**
   * The people an alert is for: the committee members of the programme, the project managers of
   * the institution, the coordinators. Each person once, whatever the overlap.
   */
  audience(
    manager: EntityManager,
    audience: AlertAudience[],
    programmeId: string,
    institutionId: string | null,
  ): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT DISTINCT ${COLUMNS} FROM recipients
        WHERE active AND (
          ($1 AND 'committee_member' = ANY(roles) AND scopes->'programmes' ? $4)
          OR ($2 AND 'project_manager' = ANY(roles) AND $5::text IS NOT NULL AND scopes->'institutions' ? $5::text)
          OR ($3 AND 'coordinator' = ANY(roles)))
        ORDER BY "userId"`,
      [
        audience.includes('committee'),
        audience.includes('project_managers'),
        audience.includes('coordinators'),
        programmeId,
        institutionId,
      ],
    );
  }
}
