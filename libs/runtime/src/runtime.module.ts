import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { collectDefaultMetrics, register } from 'prom-client';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';

export const LOGGER = Symbol('LOGGER');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface RuntimeModuleOptions {
  service: string;
  logger: Logger;
  config: object;
}

let metricsStarted = false;

/** Logger, configuration, health and metrics: what every service has. */
@Global()
@Module({})
export class RuntimeModule implements OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  static forRoot(options: RuntimeModuleOptions): DynamicModule {
    if (!metricsStarted) {
      register.setDefaultLabels({ service: options.service });
      collectDefaultMetrics();
      metricsStarted = true;
    }
    return {
      module: RuntimeModule,
      controllers: [HealthController],
      providers: [
        HealthRegistry,
        { provide: LOGGER, useValue: options.logger },
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: SERVICE_NAME, useValue: options.service },
      ],
      exports: [HealthRegistry, LOGGER, SERVICE_CONFIG, SERVICE_NAME],
    };
  }

  onModuleDestroy(): void {
    this.health.markShuttingDown();
    this.logger.info('shutting down');
  }

  /** Last hook of a graceful stop: consumers drained, relay stopped, connections closed. */
  onApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, 'stopped');
  }
}
