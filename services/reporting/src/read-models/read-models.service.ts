import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommitmentsEvents, EventEnvelope, ProgrammeCreatedEvent } from '@ogp/contracts';
import { EventConsumers } from '@ogp/messaging';
import { SERVICE_CONFIG } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { ReportingJobs } from '../jobs/job-name.constant';
import { JobRegistry } from '../jobs/job.registry';
import { ReportingConfig } from '../reporting.config';

/** The reporting service's own copies of other services' data, fed by their events. */
@Injectable()
export class ReadModelsService implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    registry: JobRegistry,
  ) {
    registry.register(ReportingJobs.dashboardSnapshot, () => this.snapshot());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({ durable: 'reporting', filter: 'commitments.>', handle: (event, manager) => this.apply(event, manager) });
  }

  async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type === CommitmentsEvents.programmeCreated.type) {
      const data = event.data as ProgrammeCreatedEvent;
      await manager.query(
        `INSERT INTO programme_read_model (programme_id, code, kind, name) VALUES ($1, $2, $3, $4)
         ON CONFLICT (programme_id) DO UPDATE SET code = EXCLUDED.code, kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()`,
        [data.programmeId, data.code, data.kind, JSON.stringify(data.name)],
      );
    }
  }

  /** One row per day in the schedule's timezone; running it twice rewrites the same row. */
  async snapshot(): Promise<{ day: string; programmes: number }> {
    const [row] = await this.dataSource.query(
      `INSERT INTO dashboard_snapshots (day, programmes)
       SELECT (now() AT TIME ZONE $1)::date, count(*)::int FROM programme_read_model
       ON CONFLICT (day) DO UPDATE SET programmes = EXCLUDED.programmes, taken_at = now()
       RETURNING day::text AS day, programmes`,
      [this.config.SCHEDULE_TIMEZONE],
    );
    return row;
  }
}
