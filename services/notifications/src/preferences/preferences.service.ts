import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import { DomainError, ErrorCode, NotificationMode } from '@ogp/contracts';
import { EntityManager } from 'typeorm';
import { NOTIFICATION_TYPES } from '../dispatch/templates.constant';
import { defaultMode } from './default-mode';
import { preferenceModes } from './preference-modes';
import { PreferencesRepository } from './preferences.repository';

/** Each person's mode per notification type: e-mailed at once, gathered in a daily digest, or in the app only. */
@Injectable()
export class PreferencesService {
  constructor(private readonly preferences: PreferencesRepository) {}

  async get(actor: Actor | null): Promise<Record<string, NotificationMode>> {
    assertRole(actor, RoleGroup.ALL);
    return preferenceModes(await this.preferences.chosen(actor.id));
  }

  async set(actor: Actor | null, type: string, mode: NotificationMode): Promise<Record<string, NotificationMode>> {
    assertRole(actor, RoleGroup.ALL);
    if (!NOTIFICATION_TYPES.includes(type))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `unknown notification type ${type}`, {
        known: NOTIFICATION_TYPES,
        issues: [{ field: 'type', rule: 'isIn', args: [NOTIFICATION_TYPES.join(', ')] }],
      });
    await this.preferences.put(actor.id, type, mode);
    return this.get(actor);
  }

  async modeFor(manager: EntityManager, userId: string, type: string): Promise<NotificationMode> {
    return (await this.preferences.modeChosen(manager, userId, type)) ?? defaultMode(type);
  }
}
