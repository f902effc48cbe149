import '@ogp/runtime/boot';
import 'reflect-metadata';
import { createLogger, loadConfig, printableConfig, runMain } from '@ogp/runtime';
import { createParticipationApp } from './participation.app';
import { ParticipationConfig } from './participation.config';

runMain('participation', async () => {
  const config = loadConfig(ParticipationConfig);
  const logger = createLogger('participation', config.LOG_LEVEL);
  const { app } = await createParticipationApp(config, logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info({ config: printableConfig(config) }, `participation ready (health on port ${config.HTTP_PORT})`);
});
