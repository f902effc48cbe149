import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ActivitiesExport } from './exports/activities-export';
import { PdfRenderer } from './pdf/pdf-renderer';
import { PlanCards } from './plan-cards';
import { ReportReconciler } from './report-reconciler.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Requested reports: their generation as jobs (PDF, XLSX, CSV), their chunks, and their reconciliation with the queue. */
@Module({
  imports: [JobsModule],
  controllers: [ReportsController],
  providers: [PdfRenderer, PlanCards, ReportsRepository, ActivitiesExport, ReportsService, ReportReconciler],
})
export class ReportsModule {}
