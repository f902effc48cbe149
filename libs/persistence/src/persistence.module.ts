import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { HealthRegistry } from '@ogp/runtime';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { createServiceDataSource } from './service-data-source';
import { runMigrationsUnderLock } from './run-migrations';

export interface PersistenceModuleOptions {
  url: string;
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/** Gives a service its DataSource, migrated at boot under the advisory lock. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource, health: HealthRegistry) {
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
            const dataSource = createServiceDataSource(options);
            await dataSource.initialize();
            try {
              await runMigrationsUnderLock(dataSource, options.schema);
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
