import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, MessagingTables1732100000000, serviceInfoController } from '@ogp/messaging';
import { PersistenceModule } from '@ogp/persistence';
import { RuntimeModule } from '@ogp/runtime';
import type { Logger } from 'pino';
import { JobRegistry } from './jobs/job.registry';
import { SchedulerService } from './jobs/scheduler.service';
import { ReadModels1732100000400 } from './read-models/read-models.migration';
import { ReadModelsService } from './read-models/read-models.service';
import { ReportingConfig } from './reporting.config';

@Module({})
export class ReportingModule {
  static register(config: ReportingConfig, logger: Logger): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        RuntimeModule.forRoot({ service: 'reporting', logger, config }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          schema: config.DB_SCHEMA,
          entities: [],
          migrations: [MessagingTables1732100000000, ReadModels1732100000400],
          poolSize: config.DB_POOL_SIZE,
          applicationName: 'reporting',
        }),
        MessagingModule.forRoot({ service: 'reporting', url: config.NATS_URL, prefix: config.NATS_PREFIX, schema: config.DB_SCHEMA, requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS }),
      ],
      controllers: [serviceInfoController('reporting')],
      providers: [JobRegistry, ReadModelsService, SchedulerService],
    };
  }
}
