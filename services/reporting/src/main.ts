import '@ogp/runtime/boot';
import 'reflect-metadata';
import { createLogger, loadConfig, printableConfig, runMain } from '@ogp/runtime';
import { createReportingApp } from './reporting.app';
import { ReportingConfig } from './reporting.config';

runMain('reporting', async () => {
  const config = loadConfig(ReportingConfig);
  const logger = createLogger('reporting', config.LOG_LEVEL);
  const { app } = await createReportingApp(config, logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info({ config: printableConfig(config) }, `reporting ready (health on port ${config.HTTP_PORT})`);
});
