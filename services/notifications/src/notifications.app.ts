import { createRpcServiceApp } from '@ogp/messaging';
import { ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { NotificationsConfig } from './notifications.config';
import { NotificationsModule } from './notifications.module';

export function createNotificationsApp(config: NotificationsConfig, logger: Logger): Promise<ServiceApp> {
  return createRpcServiceApp({
    service: 'notifications',
    module: NotificationsModule.register(config, logger),
    config,
    logger,
  });
}
