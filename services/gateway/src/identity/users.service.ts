import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, hasAnyRole, Role, RoleGroup } from '@ogp/auth';
import {
  AccountMailEvent,
  AccountMailEvents,
  DomainError,
  ErrorCode,
  EventContract,
  IdentityEvents,
  Language,
  Page,
  PageQuery,
  ScopeSet,
  UserDirectoryEntry,
  boundPage,
} from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { RateLimiter } from '../access/rate-limiter';
import { AccountVisibility } from './account-visibility';
import { AuditAction } from './audit-action.constant';
import { AuditTrailRepository } from './audit-trail.repository';
import { hashPassword } from './password';
import { PasswordPolicy } from './password-policy';
import { RoleGrants } from './role-grants';
import { SessionsRepository } from './sessions.repository';
import { sha256 } from './sha256';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

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

export interface AccountChanges {
  displayName?: string;
  roles?: Role[];
  scopes?: ScopeSet;
}

export interface ProfileChanges {
  displayName?: string;
  language?: Language;
}

/** "Someone tried to register with your address" e-mails per address per hour. */
const REGISTRATION_NOTICES_PER_HOUR = 5;

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

/** The account as the other services' user directories hold it: the account view less its creation date. */
export function directoryEntry(user: UserEntity): UserDirectoryEntry {
  const { id, email, displayName, roles, scopes, language, active } = toAccountView(user);
  return { userId: id, email, displayName, roles, scopes, language, active };
}

/**
 * Accounts: every change is recorded in the audit trail (who, when, before, after) and announced
 * as an event; every admin read of a citizen's or CSO's account is recorded there too.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrailRepository,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Self-registration answers the same whether the address is new or taken: a new address gets
   * its account (usable at once) and a welcome e-mail; a taken one gets its owner an e-mail saying
   * someone tried. Both paths hash the password and write one transaction, so they take alike.
   */
  async register(input: NewUser): Promise<void> {
    PasswordPolicy.check(input.password, { email: input.email, displayName: input.displayName });
    const passwordHash = await hashPassword(input.password);
    // Counted on both paths, so a taken address costs the same round trips as a new one.
    const notify = await this.mayNotify(input.email);
    try {
      await this.insert(input, passwordHash, null, IdentityEvents.userRegistered, AccountMailEvents.welcome);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.ALREADY_EXISTS) throw err;
      if (!notify) return;
      await this.dataSource.transaction(async (manager) => {
        const owner = await this.users.findByEmail(input.email.trim().toLowerCase(), manager);
        if (!owner) return;
        await this.outbox.add(manager, AccountMailEvents.registrationWithExistingAddress, {
          aggregate: { type: 'user', id: owner.id },
          data: { userId: owner.id, email: owner.email, displayName: owner.displayName, language: owner.language },
          actorId: null,
        });
      });
    }
  }

  /** At most a few "someone tried" e-mails per address per hour: registering is no way to flood an inbox. */
  private async mayNotify(email: string): Promise<boolean> {
    const key = sha256(email.trim().toLowerCase());
    try {
      await this.limiter.hit(`register-notice:${key}`, REGISTRATION_NOTICES_PER_HOUR, 3600);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.RATE_LIMITED) return false;
      throw err;
    }
  }

  /** A coordinator grants project-manager and committee roles; only an admin grants the rest. */
  async createByStaff(actor: Actor, input: NewUser): Promise<AccountView> {
    if (!RoleGrants.mayGrant(actor, input.roles))
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'a coordinator may only create project managers and committee members',
      );
    PasswordPolicy.check(input.password, { email: input.email, displayName: input.displayName });
    return this.insert(input, await hashPassword(input.password), actor.id, IdentityEvents.userCreated);
  }

  async deactivate(actor: Actor, userId: string): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockManageable(manager, actor, userId);
      if (user.id === actor.id) throw new DomainError(ErrorCode.CONFLICT, 'you cannot deactivate your own account');
      if (!user.active) return toAccountView(user);
      const before = toAccountView(user);
      user.active = false;
      await this.users.save(manager, user);
      await this.sessions.revokeAllOf(manager, user.id, 'deactivated');
      return this.recordChange(manager, user, actor.id, 'deactivated', before, IdentityEvents.userDeactivated);
    });
  }

  /** A deactivated account may log in again (its old sessions stay ended); recorded and announced like any change. */
  async reactivate(actor: Actor, userId: string): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockManageable(manager, actor, userId);
      if (user.active) return toAccountView(user);
      const before = toAccountView(user);
      user.active = true;
      await this.users.save(manager, user);
      return this.recordChange(manager, user, actor.id, 'reactivated', before, IdentityEvents.userUpdated);
    });
  }

  /** Roles, scopes or name of a staff account; a change of roles or scopes ends the account's sessions. */
  async update(actor: Actor, userId: string, changes: AccountChanges): Promise<AccountView> {
    if (changes.roles && !RoleGrants.mayGrant(actor, changes.roles)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'a coordinator may only grant project manager and committee roles');
    }
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockManageable(manager, actor, userId);
      if (user.id === actor.id && (changes.roles || changes.scopes))
        throw new DomainError(ErrorCode.CONFLICT, 'you cannot change your own roles or scopes');
      const before = toAccountView(user);
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.roles) user.roles = [...new Set(changes.roles)];
      if (changes.scopes)
        user.scopes = {
          institutions: [...new Set(changes.scopes.institutions)],
          programmes: [...new Set(changes.scopes.programmes)],
        };
      const after = toAccountView(user);
      if (JSON.stringify(before) === JSON.stringify(after)) return before;
      await this.users.save(manager, user);
      if (JSON.stringify([before.roles, before.scopes]) !== JSON.stringify([after.roles, after.scopes])) {
        // Access tokens carry roles and scopes: the old ones must not outlive the change.
        await this.sessions.revokeAllOf(manager, user.id, 'roles changed');
      }
      return this.recordChange(manager, user, actor.id, 'updated', before, IdentityEvents.userUpdated);
    });
  }

  /** A person's own display name and language. */
  async updateProfile(userId: string, changes: ProfileChanges): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (!user) throw new DomainError(ErrorCode.NOT_FOUND, 'no such account');
      const before = toAccountView(user);
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.language !== undefined) user.language = changes.language;
      if (JSON.stringify(before) === JSON.stringify(toAccountView(user))) return before;
      await this.users.save(manager, user);
      return this.recordChange(manager, user, userId, 'profile_updated', before, IdentityEvents.userUpdated);
    });
  }

  /**
   * A coordinator lists staff accounts only (asking for another role is refused); an admin lists
   * any, and the citizens' and CSOs' accounts a page shows are recorded as read.
   */
  async list(actor: Actor, query: PageQuery & { role?: Role }): Promise<Page<AccountView>> {
    const admin = hasAnyRole(actor, RoleGroup.ADMINS);
    if (!admin && query.role && !AccountVisibility.staffRoles.includes(query.role)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'a coordinator reads staff accounts only');
    }
    const { limit, offset } = boundPage(query);
    return this.dataSource.transaction(async (manager) => {
      const [rows, total] = await this.users.page(manager, {
        role: query.role,
        onlyRoles: admin ? null : AccountVisibility.staffRoles,
        limit,
        offset,
      });
      const read = rows.filter((u) => AccountVisibility.holdsCitizenData(u.roles)).map((u) => u.id);
      if (admin && read.length > 0) {
        await this.audit.record(manager, {
          userId: null,
          actorId: actor.id,
          action: 'personal_data.listed',
          details: { query: { role: query.role ?? null, limit, offset }, accountIds: read },
        });
      }
      return { items: rows.map(toAccountView), total, limit, offset };
    });
  }

  /** One account as staff see it: a coordinator sees staff accounts only (others are 404); an admin read of a citizen's is recorded. */
  async read(actor: Actor, userId: string): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(userId, manager);
      const admin = hasAnyRole(actor, RoleGroup.ADMINS);
      if (!user || (!admin && !AccountVisibility.isStaffAccount(user.roles)))
        throw new DomainError(ErrorCode.NOT_FOUND, 'no such account');
      if (admin && AccountVisibility.holdsCitizenData(user.roles)) {
        await this.audit.record(manager, {
          userId: user.id,
          actorId: actor.id,
          action: 'personal_data.read',
          details: { accountId: user.id },
        });
      }
      return toAccountView(user);
    });
  }

  /** A person's own account. */
  async get(userId: string): Promise<AccountView> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ErrorCode.NOT_FOUND, 'no such account');
    return toAccountView(user);
  }

  /** The account, locked, if the actor may manage it: an admin any, a coordinator project managers and committee members. */
  private async lockManageable(manager: EntityManager, actor: Actor, userId: string): Promise<UserEntity> {
    const user = await this.users.lockById(manager, userId);
    const verdict = user ? RoleGrants.manage(actor, user.roles) : 'hidden';
    if (!user || verdict === 'hidden') throw new DomainError(ErrorCode.NOT_FOUND, 'no such account');
    if (verdict === 'forbidden') {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'a coordinator may only change project managers and committee members',
      );
    }
    return user;
  }

  /** Records a change of an account in the audit trail (before, after) and announces it, in the change's transaction. */
  private async recordChange(
    manager: EntityManager,
    user: UserEntity,
    actorId: string,
    action: AuditAction,
    before: AccountView | null,
    contract: EventContract<UserDirectoryEntry>,
  ): Promise<AccountView> {
    const after = toAccountView(user);
    await this.audit.record(manager, { userId: user.id, actorId, action, before, after });
    await this.outbox.add(manager, contract, {
      aggregate: { type: 'user', id: user.id },
      data: directoryEntry(user),
      actorId,
    });
    return after;
  }

  private async insert(
    input: NewUser,
    passwordHash: string,
    actorId: string | null,
    contract: EventContract<UserDirectoryEntry>,
    mail?: EventContract<AccountMailEvent>,
  ): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      if (await this.users.emailTaken(manager, email))
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'an account with this e-mail exists');
      const saved = await this.users.insert(manager, {
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
      await this.recordChange(manager, saved, actorId ?? saved.id, 'created', null, contract);
      if (mail) {
        const to = { userId: saved.id, email: saved.email, displayName: saved.displayName, language: saved.language };
        await this.outbox.add(manager, mail, {
          aggregate: { type: 'user', id: saved.id },
          data: to,
          actorId: actorId ?? saved.id,
        });
      }
      return toAccountView(saved);
    });
  }
}
