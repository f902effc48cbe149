import { DynamicModule, Module } from '@nestjs/common';
import { MessagingTables1732100000000, serviceFoundation, serviceInfoController } from '@ogp/messaging';
import { Clock, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { CommitteeModule } from './committee/committee.module';
import { ConsultationAccess1732100000610 } from './consultation/consultation-access.migration';
import { ConsultationModule } from './consultation/consultation.module';
import { CyclesModule } from './cycles/cycles.module';
import { FateModule } from './fate/fate.module';
import { IDEA_RATE_LIMIT } from './ideas/idea-rate-limit.constant';
import { IdeaSubmission1764800000630 } from './ideas/idea-submission.migration';
import { IdeasModule } from './ideas/ideas.module';
import { OpenDataModule } from './open-data/open-data.module';
import { ParticipationConfig } from './participation.config';
import { Participation1732100000600 } from './participation.migration';
import { PhasesModule } from './phases/phases.module';
import { PublicationCycle1764580000620 } from './publications/publication-cycle.migration';
import { PublicationsModule } from './publications/publications.module';
import { StatisticsModule } from './statistics/statistics.module';
import { WorkshopsModule } from './workshops/workshops.module';

export const PARTICIPATION_MIGRATIONS = [
  MessagingTables1732100000000,
  Participation1732100000600,
  ConsultationAccess1732100000610,
  PublicationCycle1764580000620,
  IdeaSubmission1764800000630,
];

/** The clock and the settings every feature reads. */
@Module({})
class ParticipationSettingsModule {}

/** Co-creation cycles, phases, ideas and their fate, workshops, consultation, the committee, publications, statistics, open data. */
@Module({})
export class ParticipationModule {
  static register(config: ParticipationConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ParticipationModule,
      imports: [
        ...serviceFoundation({ service: 'participation', config, logger, migrations: PARTICIPATION_MIGRATIONS }),
        {
          module: ParticipationSettingsModule,
          global: true,
          providers: [
            { provide: Clock, useValue: clock },
            { provide: IDEA_RATE_LIMIT, useValue: config.IDEA_RATE_LIMIT_PER_HOUR },
          ],
          exports: [Clock, IDEA_RATE_LIMIT],
        },
        CyclesModule,
        PhasesModule,
        IdeasModule,
        FateModule,
        WorkshopsModule,
        ConsultationModule,
        CommitteeModule,
        PublicationsModule,
        StatisticsModule,
        OpenDataModule,
      ],
      controllers: [serviceInfoController('participation')],
    };
  }
}
