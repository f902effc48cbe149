import { createRpcServiceApp } from '@ogp/messaging';
import { ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { ReportingConfig } from './reporting.config';
import { ReportingModule } from './reporting.module';

export function createReportingApp(config: ReportingConfig, logger: Logger): Promise<ServiceApp> {
  return createRpcServiceApp({ service: 'reporting', module: ReportingModule.register(config, logger), config, logger });
}
