import { DynamicModule, Module } from '@nestjs/common';
import { MessagingTables1732100000000, serviceFoundation, serviceInfoController } from '@ogp/messaging';
import { Clock, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { AlertsModule } from './alerts/alerts.module';
import { CalendarsModule } from './calendars/calendars.module';
import { JobsModule } from './jobs/jobs.module';
import { ReportJobs1764900000100 } from './jobs/report-jobs.migration';
import { OpenDataFiles1764900000200 } from './open-data/open-data.migration';
import { OpenDataModule } from './open-data/open-data.module';
import { ProgrammeSettingsCopy1764583200100 } from './read-models/programme-settings.migration';
import { ReadModels1732100000400 } from './read-models/read-models.migration';
import { ReadModelsModule } from './read-models/read-models.module';
import { ReportingModels1732100000800 } from './read-models/read-models2.migration';
import { ReportingConfig } from './reporting.config';
import { ReportsModule } from './reports/reports.module';
import { SweepWatermarks1764990000100 } from './sweeps/sweep-watermarks.migration';
import { SweepsModule } from './sweeps/sweeps.module';

export const REPORTING_MIGRATIONS = [
  MessagingTables1732100000000,
  ReadModels1732100000400,
  ReportingModels1732100000800,
  ProgrammeSettingsCopy1764583200100,
  ReportJobs1764900000100,
  OpenDataFiles1764900000200,
  SweepWatermarks1764990000100,
];

/** The clock every feature reads. */
@Module({})
class ReportingClockModule {}

/** Read models, deadline sweeps, alerts, reports, jobs, open data and calendars. */
@Module({})
export class ReportingModule {
  static register(config: ReportingConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        ...serviceFoundation({ service: 'reporting', config, logger, migrations: REPORTING_MIGRATIONS }),
        {
          module: ReportingClockModule,
          global: true,
          providers: [{ provide: Clock, useValue: clock }],
          exports: [Clock],
        },
        JobsModule,
        ReadModelsModule,
        SweepsModule,
        AlertsModule,
        ReportsModule,
        CalendarsModule,
        OpenDataModule,
      ],
      controllers: [serviceInfoController('reporting')],
    };
  }
}
