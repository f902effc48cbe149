import { createRpcServiceApp } from '@ogp/messaging';
import { Clock, ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { CommitmentsConfig } from './commitments.config';
import { CommitmentsAppModule } from './app.module';

export function createCommitmentsApp(config: CommitmentsConfig, logger: Logger, clock?: Clock): Promise<ServiceApp> {
  return createRpcServiceApp({
    service: 'commitments',
    module: CommitmentsAppModule.register(config, logger, clock),
    config,
    logger,
  });
}
