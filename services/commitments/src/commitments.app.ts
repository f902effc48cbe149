import { createRpcServiceApp } from '@ogp/messaging';
import { ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { CommitmentsConfig } from './commitments.config';
import { CommitmentsModule } from './commitments.module';

export function createCommitmentsApp(config: CommitmentsConfig, logger: Logger): Promise<ServiceApp> {
  return createRpcServiceApp({ service: 'commitments', module: CommitmentsModule.register(config, logger), config, logger });
}
