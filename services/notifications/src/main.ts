import '@ogp/runtime/boot';
import 'reflect-metadata';
import { createLogger, loadConfig, printableConfig, runMain } from '@ogp/runtime';
import { createNotificationsApp } from './notifications.app';
import { NotificationsConfig } from './notifications.config';

runMain('notifications', async () => {
  const config = loadConfig(NotificationsConfig);
  const logger = createLogger('notifications', config.LOG_LEVEL);
  const { app } = await createNotificationsApp(config, logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info({ config: printableConfig(config) }, `notifications ready (health on port ${config.HTTP_PORT})`);
});
