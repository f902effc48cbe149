import '@ogp/runtime/boot';
import 'reflect-metadata';
import { createLogger, loadConfig, printableConfig, runMain } from '@ogp/runtime';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';

runMain('gateway', async () => {
  const config = loadConfig(GatewayConfig);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const { app } = await createGatewayApp(config, logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info(
    { config: printableConfig(config) },
    `gateway listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`,
  );
});
