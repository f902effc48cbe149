import { DynamicModule, Type, ValidationPipe } from '@nestjs/common';
import { invalidRequest } from '@ogp/contracts';
import { BaseServiceConfig, createServiceApp, ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { PrefixedNatsServer } from './prefixed-nats.server';
import { RpcErrorFilter } from './rpc-exception.filter';

export interface RpcServiceAppOptions {
  service: string;
  module: Type<unknown> | DynamicModule;
  config: BaseServiceConfig;
  logger: Logger;
}

/**
 * A service that answers NATS requests in the queue group named after itself, validates every
 * payload again (whitelisting) and maps failures to coded errors. HTTP serves health and metrics.
 */
export function createRpcServiceApp(options: RpcServiceAppOptions): Promise<ServiceApp> {
  const { config } = options;
  return createServiceApp({
    module: options.module,
    logger: options.logger,
    microservice: new PrefixedNatsServer({
      url: config.NATS_URL,
      queue: options.service,
      prefix: config.NATS_PREFIX,
      name: options.service,
      logger: options.logger,
    }),
    globalFilters: [new RpcErrorFilter()],
    globalPipes: [
      new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        // The failing object lets invalidRequest read each rule's values (lengths, bounds); it is never sent.
        validationError: { target: true, value: false },
        exceptionFactory: invalidRequest,
      }),
    ],
  });
}
