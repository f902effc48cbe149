import { createRpcServiceApp } from '@ogp/messaging';
import { ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { ParticipationConfig } from './participation.config';
import { ParticipationModule } from './participation.module';

export function createParticipationApp(config: ParticipationConfig, logger: Logger): Promise<ServiceApp> {
  return createRpcServiceApp({ service: 'participation', module: ParticipationModule.register(config, logger), config, logger });
}
