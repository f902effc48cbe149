import { Injectable } from '@nestjs/common';
import { Actor, assertRole, ROLES } from '@ogp/auth';
import { DomainError, ErrorCode, NotificationMode } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { FOLLOW_TYPES } from '../dispatch/follow-templates.constant';
import { NOTIFICATION_TYPES } from '../dispatch/templates.constant';

/** Alerts and news of what a person follows go by e-mail at once unless they chose otherwise; other types stay in the app. */
export function defaultMode(type: string): NotificationMode {
  return type.startsWith('reporting.alert') || type.startsWith('commitments.blocker') || FOLLOW_TYPES.includes(type)
    ? 'immediate'
    : 'off';
}

@Injectable()
export class PreferencesService {
  constructor(private readonly dataSource: DataSource) {}

  async get(actor: Actor | null): Promise<Record<string, NotificationMode>> {
    assertRole(actor, ROLES);
    const rows: { type: string; mode: NotificationMode }[] = await this.dataSource.query(
      `SELECT type, mode FROM preferences WHERE user_id = $1`,
      [actor.id],
    );
    const chosen = new Map(rows.map((r) => [r.type, r.mode]));
    return Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, chosen.get(t) ?? defaultMode(t)]));
  }

  async set(actor: Actor | null, type: string, mode: NotificationMode): Promise<Record<string, NotificationMode>> {
    assertRole(actor, ROLES);
    if (!NOTIFICATION_TYPES.includes(type))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `unknown notification type ${type}`, {
        known: NOTIFICATION_TYPES,
        issues: [{ field: 'type', rule: 'isIn', args: [NOTIFICATION_TYPES.join(', ')] }],
      });
    await this.dataSource.query(
      `INSERT INTO preferences (user_id, type, mode) VALUES ($1, $2, $3) ON CONFLICT (user_id, type) DO UPDATE SET mode = EXCLUDED.mode`,
      [actor.id, type, mode],
    );
    return this.get(actor);
  }

  async modeFor(manager: EntityManager, userId: string, type: string): Promise<NotificationMode> {
    const [row] = await manager.query(`SELECT mode FROM preferences WHERE user_id = $1 AND type = $2`, [userId, type]);
    return row?.mode ?? defaultMode(type);
  }
}
