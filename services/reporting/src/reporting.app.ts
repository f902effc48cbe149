import { createRpcServiceApp } from '@ogp/messaging';
import { Clock, ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { ReportingConfig } from './reporting.config';
import { ReportingModule } from './reporting.module';

export function createReportingApp(config: ReportingConfig, logger: Logger, clock?: Clock): Promise<ServiceApp> {
  return createRpcServiceApp({
    service: 'reporting',
    module: ReportingModule.register(config, logger, clock),
    config,
    logger,
  });
}
