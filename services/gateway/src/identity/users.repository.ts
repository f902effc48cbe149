import { Injectable } from '@nestjs/common';
import { Role } from '@ogp/auth';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface AccountPageQuery {
  role?: Role;
  /** Only accounts whose every role is one of these (a coordinator's view), or every account (null). */
  onlyRoles: readonly Role[] | null;
  limit: number;
  offset: number;
}

/** The accounts table. A method takes the caller's transaction when it runs one. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager): Repository<UserEntity> {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  /** The account with this address (already trimmed and lower-cased), whatever the case it was stored in. */
  async findByEmail(email: string, manager?: EntityManager, lock = false): Promise<UserEntity | null> {
    const query = this.users(manager).createQueryBuilder('u');
    if (lock) query.setLock('pessimistic_write');
    return query.where('lower(u.email) = :email', { email }).getOne();
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
    return rows.length > 0;
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users(manager).findOne({ where: { id } });
  }

  /** The account, locked until the caller's transaction ends. */
  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a new account and reads it back as stored; a taken address is ALREADY_EXISTS. */
  async insert(manager: EntityManager, user: Omit<UserEntity, 'createdAt' | 'updatedAt'>): Promise<UserEntity> {
    try {
      await manager.insert(UserEntity, manager.create(UserEntity, user));
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'an account with this e-mail exists');
      throw err;
    }
    return manager.findOneByOrFail(UserEntity, { id: user.id });
  }

  async save(manager: EntityManager, user: UserEntity): Promise<void> {
    await manager.save(user);
  }

  /** A page of accounts, oldest first, with the total. */
  page(manager: EntityManager, query: AccountPageQuery): Promise<[UserEntity[], number]> {
    const builder = manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id')
      .limit(query.limit)
      .offset(query.offset);
    if (query.role) builder.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.onlyRoles)
      builder.andWhere('cardinality(u.roles) > 0 AND u.roles <@ CAST(:staff AS text[])', { staff: query.onlyRoles });
    return builder.getManyAndCount();
  }

  /** Counts a failed login; the one that reaches `maxFailures` locks the account for `lockMinutes`. */
  async recordFailedLogin(userId: string, maxFailures: number, lockMinutes: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [userId, maxFailures, lockMinutes],
    );
  }

  async clearFailedLogins(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [userId]);
  }

  /** A new password hash; `liftLockout` also forgets failed logins (a reset proves control of the address). */
  async setPasswordHash(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
    { liftLockout }: { liftLockout: boolean },
  ): Promise<void> {
    await manager.query(
      liftLockout
        ? `UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1`
        : `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`,
      [userId, passwordHash],
    );
  }
}
