import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, currentCorrelationId, LOGGER, requestContext } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ReportingJobs } from '../jobs/job-name.constant';
import { JobRegistry } from '../jobs/job.registry';
import { SweepKind } from './sweep-kind';
import { SweepsRepository } from './sweeps.repository';

/** The deadline sweeps, each a scheduled job (safe to run twice) and a command staff may run now. */
@Injectable()
export class SweepsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sweeps: SweepsRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    registry: JobRegistry,
  ) {
    registry.register(ReportingJobs.deadlineSweep, () => this.run('deadlines'));
    registry.register(ReportingJobs.overdueSweep, () => this.run('overdue'));
    registry.register(ReportingJobs.lateReportingSweep, () => this.run('late_reporting'));
    registry.register(ReportingJobs.periodicReport, () => this.run('periodic'));
    registry.register(ReportingJobs.meetingReminder, () => this.run('meeting'));
  }

  async run(kind: SweepKind): Promise<{ raised: number }> {
    const now = this.clock.now();
    // A scheduled sweep has no request: its events carry a correlation id of their own.
    const context = {
      ...requestContext.getStore(),
      correlationId: currentCorrelationId() ?? `sweep:${kind}:${now.toISOString()}`,
    };
    const raised = await requestContext.run(context, () =>
      this.dataSource.transaction((m) => this.sweeps.raise(m, kind, now, randomUUID())),
    );
    this.logger.info({ sweep: kind, now: now.toISOString(), raised }, 'sweep done');
    return { raised };
  }
}
