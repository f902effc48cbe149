import { createRpcServiceApp } from '@ogp/messaging';
import { Clock, ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { ParticipationConfig } from './participation.config';
import { ParticipationModule } from './participation.module';

export function createParticipationApp(
  config: ParticipationConfig,
  logger: Logger,
  clock?: Clock,
): Promise<ServiceApp> {
  return createRpcServiceApp({
    service: 'participation',
    module: ParticipationModule.register(config, logger, clock),
    config,
    logger,
  });
}
