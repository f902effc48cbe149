import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, MessagingTables1732100000000, serviceInfoController } from '@ogp/messaging';
import { PersistenceModule } from '@ogp/persistence';
import { RuntimeModule } from '@ogp/runtime';
import type { Logger } from 'pino';
import { CommitmentsConfig } from './commitments.config';
import { ProgrammeEntity } from './programmes/programme.entity';
import { Programmes1732100000200 } from './programmes/programmes.migration';
import { ProgrammesModule } from './programmes/programmes.module';
import { Plans1732100000500 } from './plans/plans.migration';
import { ProgrammeSettings1764583200000 } from './programme-settings/programme-settings.migration';
import { ProgrammeSettingsModule } from './programme-settings/programme-settings.module';
import { TrackingModule } from './tracking/tracking.module';
import { Clock } from '@ogp/runtime';

export const COMMITMENTS_MIGRATIONS = [
  MessagingTables1732100000000,
  Programmes1732100000200,
  Plans1732100000500,
  ProgrammeSettings1764583200000,
];

@Module({})
export class CommitmentsModule {
  static register(config: CommitmentsConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: CommitmentsModule,
      imports: [
        RuntimeModule.forRoot({ service: 'commitments', logger, config }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          migrationUrl: config.DATABASE_MIGRATION_URL || undefined,
          schema: config.DB_SCHEMA,
          entities: [ProgrammeEntity],
          migrations: COMMITMENTS_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          applicationName: 'commitments',
        }),
        MessagingModule.forRoot({
          service: 'commitments',
          url: config.NATS_URL,
          prefix: config.NATS_PREFIX,
          schema: config.DB_SCHEMA,
          requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          streamReplicas: config.JETSTREAM_REPLICAS,
        }),
        ProgrammesModule,
        ProgrammeSettingsModule,
        TrackingModule.register({
          strategyModules: config.TRACKING_STRATEGY_MODULES,
          remoteTimeoutMs: config.REMOTE_STRATEGY_TIMEOUT_MS,
          clock,
        }),
      ],
      controllers: [serviceInfoController('commitments')],
    };
  }
}
