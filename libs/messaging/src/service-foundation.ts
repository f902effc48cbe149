import { DynamicModule } from '@nestjs/common';
import { PersistenceModule, PersistenceModuleOptions } from '@ogp/persistence';
import { BaseServiceConfig, RuntimeModule } from '@ogp/runtime';
import type { Logger } from 'pino';
import { MessagingModule } from './messaging.module';

export interface ServiceFoundationOptions {
  /** The service's name: its logs, metrics, NATS queue group and Postgres application name. */
  service: string;
  config: BaseServiceConfig;
  logger: Logger;
  /** The service's migrations, oldest first (MessagingTables first: outbox, inbox, command log). */
  migrations: PersistenceModuleOptions['migrations'];
  entities?: PersistenceModuleOptions['entities'];
  /** False keeps /metrics off the service's main HTTP port (the gateway's is public). */
  metricsRoute?: boolean;
}

/**
 * What every service stands on, wired the same way for all: configuration, logging, health and
 * metrics (runtime); its own schema and migrations (persistence); NATS, JetStream streams and the
 * outbox (messaging).
 */
export function serviceFoundation(options: ServiceFoundationOptions): DynamicModule[] {
  const { service, config, logger } = options;
  return [
    RuntimeModule.forRoot({
      service,
      logger,
      config,
      ...(options.metricsRoute === undefined ? {} : { metricsRoute: options.metricsRoute }),
    }),
    PersistenceModule.forRoot({
      url: config.DATABASE_URL,
      migrationUrl: config.DATABASE_MIGRATION_URL || undefined,
      schema: config.DB_SCHEMA,
      entities: options.entities ?? [],
      migrations: options.migrations,
      poolSize: config.DB_POOL_SIZE,
      applicationName: service,
    }),
    MessagingModule.forRoot({
      service,
      url: config.NATS_URL,
      prefix: config.NATS_PREFIX,
      schema: config.DB_SCHEMA,
      requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
      streamReplicas: config.JETSTREAM_REPLICAS,
    }),
  ];
}
