import { createRpcServiceApp } from '@ogp/messaging';
import { ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { Clock } from '@ogp/runtime';
import { CommitmentsConfig } from './commitments.config';
import { CommitmentsModule } from './commitments.module';

export function createCommitmentsApp(config: CommitmentsConfig, logger: Logger, clock?: Clock): Promise<ServiceApp> {
  return createRpcServiceApp({
    service: 'commitments',
    module: CommitmentsModule.register(config, logger, clock),
    config,
    logger,
  });
}
