import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { HealthRegistry } from '@ogp/runtime';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { createServiceDataSource } from './service-data-source';
import { runMigrationsUnderLock } from './run-migrations';
import { markTransactionPooled } from './transaction-opened-with';

export interface PersistenceModuleOptions {
  url: string;
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
  /** A direct connection for migrations when `url` goes through a transaction pooler. */
  migrationUrl?: string;
}

/** Gives a service its DataSource, migrated at boot under the advisory lock. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    health: HealthRegistry,
  ) {
    health.register('postgres', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }

  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            if (options.migrationUrl) {
              // Migrations on their own short-lived direct connections (the lock holds one, the
              // migrations run on another), then the pooled data source.
              const direct = createServiceDataSource({ ...options, url: options.migrationUrl, poolSize: 2 });
              await direct.initialize();
              try {
                await runMigrationsUnderLock(direct, options.schema);
              } finally {
                await direct.destroy();
              }
            }
            const dataSource = createServiceDataSource(options);
            // A separate migration URL means `url` goes through a transaction pooler.
            if (options.migrationUrl) markTransactionPooled(dataSource);
            await dataSource.initialize();
            try {
              if (!options.migrationUrl) await runMigrationsUnderLock(dataSource, options.schema);
            } catch (err) {
              await dataSource.destroy();
              throw err;
            }
            return dataSource;
          },
        },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
