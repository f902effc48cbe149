import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, MessagingTables1732100000000, serviceInfoController } from '@ogp/messaging';
import { PersistenceModule } from '@ogp/persistence';
import { Clock, RuntimeModule, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { JobRegistry } from './jobs/job.registry';
import { SchedulerService } from './jobs/scheduler.service';
import { ReportJobs1764900000100 } from './jobs/report-jobs.migration';
import { ReportReconciler } from './jobs/report-reconciler.service';
import { ReadModels1732100000400 } from './read-models/read-models.migration';
import { ReadModelsRepository } from './read-models/read-models.repository';
import { ReadModelsService } from './read-models/read-models.service';
import { ReportingConfig } from './reporting.config';
import { ReportingModels1732100000800 } from './read-models/read-models2.migration';
import { AlertsService } from './alerts/alerts.service';
import { ProgrammeSettingsCopy1764583200100 } from './read-models/programme-settings.migration';
import { SweepsService } from './sweeps/sweeps.service';
import { SweepsRepository } from './sweeps/sweeps.repository';
import { SweepsController } from './sweeps/sweeps.controller';
import { SweepWatermarks1764990000100 } from './sweeps/sweep-watermarks.migration';
import { AlertsRepository } from './alerts/alerts.repository';
import { AlertsController } from './alerts/alerts.controller';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { ActivitiesExport } from './reports/exports/activities-export';
import { JobsController } from './jobs/jobs.controller';
import { PdfRenderer } from './reports/pdf/pdf-renderer';
import { PlanCards } from './reports/plan-cards';
import { ReportsService } from './reports/reports.service';
import { CalendarEntriesRepository } from './calendars/calendar-entries.repository';
import { CalendarsController } from './calendars/calendars.controller';
import { CalendarsService } from './calendars/calendars.service';
import { OpenDataController } from './open-data/open-data.controller';
import { OpenDataFiles1764900000200 } from './open-data/open-data.migration';
import { OpenDataRepository } from './open-data/open-data.repository';
import { OpenDataService } from './open-data/open-data.service';
import { PublicationsFeedService } from './open-data/publications-feed.service';

@Module({})
export class ReportingModule {
  static register(config: ReportingConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        RuntimeModule.forRoot({ service: 'reporting', logger, config }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          migrationUrl: config.DATABASE_MIGRATION_URL || undefined,
          schema: config.DB_SCHEMA,
          entities: [],
          migrations: [
            MessagingTables1732100000000,
            ReadModels1732100000400,
            ReportingModels1732100000800,
            ProgrammeSettingsCopy1764583200100,
            ReportJobs1764900000100,
            OpenDataFiles1764900000200,
            SweepWatermarks1764990000100,
          ],
          poolSize: config.DB_POOL_SIZE,
          applicationName: 'reporting',
        }),
        MessagingModule.forRoot({
          service: 'reporting',
          url: config.NATS_URL,
          prefix: config.NATS_PREFIX,
          schema: config.DB_SCHEMA,
          requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          streamReplicas: config.JETSTREAM_REPLICAS,
        }),
      ],
      controllers: [
        SweepsController,
        AlertsController,
        ReportsController,
        JobsController,
        CalendarsController,
        OpenDataController,
        serviceInfoController('reporting'),
      ],
      providers: [
        { provide: Clock, useValue: clock },
        JobRegistry,
        ReadModelsRepository,
        ReadModelsService,
        SweepsRepository,
        SweepsService,
        AlertsRepository,
        AlertsService,
        PdfRenderer,
        PlanCards,
        ReportsRepository,
        ActivitiesExport,
        ReportsService,
        SchedulerService,
        ReportReconciler,
        CalendarEntriesRepository,
        CalendarsService,
        OpenDataRepository,
        OpenDataService,
        PublicationsFeedService,
      ],
    };
  }
}
