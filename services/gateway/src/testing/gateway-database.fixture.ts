import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadConfig } from '@ogp/runtime';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { UserEntity } from '../identity/user.entity';
import { UsersRepository } from '../identity/users.repository';

type NewAccount = Omit<UserEntity, 'createdAt' | 'updatedAt'>;

/** A gateway on the suite's own schema (migrated), for repository specs against the real Postgres. */
export class GatewayDatabase {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly db: DataSource,
  ) {}

  static async start(iso: TestIsolation): Promise<GatewayDatabase> {
    const config = loadConfig(GatewayConfig, iso.env('gateway'));
    const { app } = await createGatewayApp(config, createLogger('gateway', 'warn'));
    return new GatewayDatabase(app, app.get(DataSource));
  }

  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type);
  }

  /** An account as stored, a citizen with a fresh address unless told otherwise. */
  account(changes: Partial<NewAccount> = {}): Promise<UserEntity> {
    const id = changes.id ?? randomUUID();
    return this.db.transaction((manager) =>
      this.get(UsersRepository).insert(manager, {
        id,
        email: `${id}@test.ma`,
        displayName: 'someone',
        passwordHash: 'hash',
        roles: ['citizen'],
        scopes: { institutions: [], programmes: [] },
        language: 'ar',
        active: true,
        failedLogins: 0,
        lockedUntil: null,
        ...changes,
      }),
    );
  }

  async stop(iso: TestIsolation): Promise<void> {
    await this.app.close();
    await iso.cleanup();
  }
}
