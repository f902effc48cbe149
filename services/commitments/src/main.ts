import '@ogp/runtime/boot';
import 'reflect-metadata';
import { createLogger, loadConfig, printableConfig, runMain } from '@ogp/runtime';
import { createCommitmentsApp } from './commitments.app';
import { CommitmentsConfig } from './commitments.config';

runMain('commitments', async () => {
  const config = loadConfig(CommitmentsConfig);
  const logger = createLogger('commitments', config.LOG_LEVEL);
  const { app } = await createCommitmentsApp(config, logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info({ config: printableConfig(config) }, `commitments ready (health on port ${config.HTTP_PORT})`);
});
