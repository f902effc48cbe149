import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, MessagingTables1732100000000, serviceInfoController } from '@ogp/messaging';
import { PersistenceModule } from '@ogp/persistence';
import { RuntimeModule } from '@ogp/runtime';
import type { Logger } from 'pino';
import { ParticipationConfig } from './participation.config';

/** Co-creation cycles, ideas, workshops, consultation, candidacies and publications live here. */
@Module({})
export class ParticipationModule {
  static register(config: ParticipationConfig, logger: Logger): DynamicModule {
    return {
      module: ParticipationModule,
      imports: [
        RuntimeModule.forRoot({ service: 'participation', logger, config }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          schema: config.DB_SCHEMA,
          entities: [],
          migrations: [MessagingTables1732100000000],
          poolSize: config.DB_POOL_SIZE,
          applicationName: 'participation',
        }),
        MessagingModule.forRoot({ service: 'participation', url: config.NATS_URL, prefix: config.NATS_PREFIX, schema: config.DB_SCHEMA, requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS }),
      ],
      controllers: [serviceInfoController('participation')],
    };
  }
}
