import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { COORDINATOR_GRANTABLE_ROLES, Actor, hasAnyRole, Role } from '@ogp/auth';
import { DomainError, ErrorCode, EventContract, IdentityEvents, Language, Page, PageQuery, ScopeSet, UserDirectoryEntry, boundPage } from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from './password';
import { PasswordPolicy } from './password-policy';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  scopes?: ScopeSet;
  language?: Language;
}

export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  scopes: ScopeSet;
  language: Language;
  active: boolean;
  createdAt: string;
}

const EMPTY_SCOPES: ScopeSet = { institutions: [], programmes: [] };

export function toAccountView(user: UserEntity): AccountView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    scopes: user.scopes,
    language: user.language,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

function directoryEntry(user: UserEntity): UserDirectoryEntry {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    scopes: user.scopes,
    language: user.language,
    active: user.active,
  };
}

/** Accounts: every change is recorded (who, when, before, after) and announced as an event. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  register(input: NewUser): Promise<AccountView> {
    return this.create(input, null, IdentityEvents.userRegistered);
  }

  /** A coordinator grants project-manager and committee roles; only an admin grants the rest. */
  createByStaff(actor: Actor, input: NewUser): Promise<AccountView> {
    const allowed = hasAnyRole(actor, ['admin']) || input.roles.every((r) => COORDINATOR_GRANTABLE_ROLES.includes(r));
    if (!allowed) throw new DomainError(ErrorCode.FORBIDDEN, 'a coordinator may only create project managers and committee members');
    return this.create(input, actor.id, IdentityEvents.userCreated);
  }

  async deactivate(actor: Actor, userId: string): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError(ErrorCode.NOT_FOUND, 'no such account');
      if (user.id === actor.id) throw new DomainError(ErrorCode.CONFLICT, 'you cannot deactivate your own account');
      const staffOnly = user.roles.every((r) => COORDINATOR_GRANTABLE_ROLES.includes(r));
      if (!hasAnyRole(actor, ['admin']) && !staffOnly) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'a coordinator may only deactivate project managers and committee members');
      }
      if (!user.active) return toAccountView(user);
      const before = toAccountView(user);
      user.active = false;
      await manager.save(user);
      await manager.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'deactivated' WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
      await this.record(manager, user.id, actor.id, 'deactivated', before, toAccountView(user));
      await this.outbox.add(manager, IdentityEvents.userDeactivated, { aggregate: { type: 'user', id: user.id }, data: directoryEntry(user), actorId: actor.id });
      return toAccountView(user);
    });
  }

  async list(query: PageQuery & { role?: Role }): Promise<Page<AccountView>> {
    const { limit, offset } = boundPage(query);
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.created_at', 'ASC').addOrderBy('u.id').limit(limit).offset(offset);
    if (query.role) qb.where(':role = ANY(u.roles)', { role: query.role });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toAccountView), total, limit, offset };
  }

  async get(userId: string): Promise<AccountView> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (!user) throw new DomainError(ErrorCode.NOT_FOUND, 'no such account');
    return toAccountView(user);
  }

  private async create(input: NewUser, actorId: string | null, contract: EventContract<UserDirectoryEntry>): Promise<AccountView> {
    PasswordPolicy.check(input.password, { email: input.email, displayName: input.displayName });
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      const taken = await manager.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
      if (taken.length > 0) throw new DomainError(ErrorCode.ALREADY_EXISTS, 'an account with this e-mail exists');
      const user = manager.create(UserEntity, {
        id: randomUUID(),
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        roles: [...new Set(input.roles)],
        scopes: input.scopes ?? EMPTY_SCOPES,
        language: input.language ?? 'ar',
        active: true,
        failedLogins: 0,
        lockedUntil: null,
      });
      try {
        await manager.insert(UserEntity, user);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw new DomainError(ErrorCode.ALREADY_EXISTS, 'an account with this e-mail exists');
        throw err;
      }
      const saved = await manager.findOneByOrFail(UserEntity, { id: user.id });
      await this.record(manager, saved.id, actorId ?? saved.id, 'created', null, toAccountView(saved));
      await this.outbox.add(manager, contract, { aggregate: { type: 'user', id: saved.id }, data: directoryEntry(saved), actorId: actorId ?? saved.id });
      return toAccountView(saved);
    });
  }

  private async record(manager: EntityManager, userId: string, actorId: string, action: string, before: AccountView | null, after: AccountView): Promise<void> {
    await manager.query(`INSERT INTO account_changes (user_id, actor_id, action, before, after) VALUES ($1, $2, $3, $4, $5)`, [
      userId,
      actorId,
      action,
      before ? JSON.stringify(before) : null,
      JSON.stringify(after),
    ]);
  }
}
