import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, MessagingTables1732100000000, serviceInfoController } from '@ogp/messaging';
import { PersistenceModule } from '@ogp/persistence';
import { Clock, RuntimeModule, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { CommitteeService } from './committee/committee.service';
import { ConsultationAccess1732100000610 } from './consultation/consultation-access.migration';
import { ConsultationService } from './consultation/consultation.service';
import { CyclesService } from './cycles/cycles.service';
import { IdeaTriageController } from './ideas/idea-triage.controller';
import { IDEA_RATE_LIMIT, IdeasService } from './ideas/ideas.service';
import { ParticipationConfig } from './participation.config';
import { ParticipationController } from './participation.controller';
import { OpenIdeasController } from './open-data/open-ideas.controller';
import { OpenIdeasRepository } from './open-data/open-ideas.repository';
import { Participation1732100000600 } from './participation.migration';
import { PublicationCycle1764580000620 } from './publications/publication-cycle.migration';
import { PublicationsService } from './publications/publications.service';
import { StatisticsService } from './statistics/statistics.service';
import { WorkshopsService } from './workshops/workshops.service';

export const PARTICIPATION_MIGRATIONS = [
  MessagingTables1732100000000,
  Participation1732100000600,
  ConsultationAccess1732100000610,
  PublicationCycle1764580000620,
];

/** Co-creation cycles, ideas, workshops, consultation, candidacies and publications live here. */
@Module({})
export class ParticipationModule {
  static register(config: ParticipationConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ParticipationModule,
      imports: [
        RuntimeModule.forRoot({ service: 'participation', logger, config }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          migrationUrl: config.DATABASE_MIGRATION_URL || undefined,
          schema: config.DB_SCHEMA,
          entities: [],
          migrations: PARTICIPATION_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          applicationName: 'participation',
        }),
        MessagingModule.forRoot({
          service: 'participation',
          url: config.NATS_URL,
          prefix: config.NATS_PREFIX,
          schema: config.DB_SCHEMA,
          requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          streamReplicas: config.JETSTREAM_REPLICAS,
        }),
      ],
      controllers: [
        ParticipationController,
        OpenIdeasController,
        IdeaTriageController,
        serviceInfoController('participation'),
      ],
      providers: [
        { provide: Clock, useValue: clock },
        { provide: IDEA_RATE_LIMIT, useValue: config.IDEA_RATE_LIMIT_PER_HOUR },
        CyclesService,
        IdeasService,
        WorkshopsService,
        ConsultationService,
        CommitteeService,
        PublicationsService,
        StatisticsService,
        OpenIdeasRepository,
      ],
    };
  }
}
