import { DynamicModule, Module } from '@nestjs/common';
import { MessagingTables1732100000000, serviceFoundation, serviceInfoController } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { CommitmentsConfig } from './commitments.config';
import { ProgrammeEntity } from './programmes/programme.entity';
import { Programmes1732100000200 } from './programmes/programmes.migration';
import { ProgrammesModule } from './programmes/programmes.module';
import { Plans1732100000500 } from './plans/plans.migration';
import { ProgrammeSettings1764583200000 } from './programme-settings/programme-settings.migration';
import { ProgrammeSettingsModule } from './programme-settings/programme-settings.module';
import { TrackingModule } from './tracking/tracking.module';
import { ActivitiesModule } from './activities/activities.module';
import { BlockersModule } from './blockers/blockers.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { CommunicationsModule } from './communications/communications.module';
import { PlanImportModule } from './import/plan-import.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { PlansModule } from './plans/plans.module';
import { ProgressModule } from './progress/progress.module';
import { SnapshotModule } from './snapshot/snapshot.module';
import { WeightsModule } from './weights/weights.module';

export const COMMITMENTS_MIGRATIONS = [
  MessagingTables1732100000000,
  Programmes1732100000200,
  Plans1732100000500,
  ProgrammeSettings1764583200000,
];

@Module({})
/** The commitments service: programmes, plans, commitments and their tracking, one module per feature. */
export class CommitmentsAppModule {
  static register(config: CommitmentsConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: CommitmentsAppModule,
      imports: [
        ...serviceFoundation({
          service: 'commitments',
          config,
          logger,
          migrations: COMMITMENTS_MIGRATIONS,
          entities: [ProgrammeEntity],
        }),
        TrackingModule.register({
          strategyModules: config.TRACKING_STRATEGY_MODULES,
          remoteTimeoutMs: config.REMOTE_STRATEGY_TIMEOUT_MS,
          clock,
        }),
        ProgrammesModule,
        ProgrammeSettingsModule,
        InstitutionsModule,
        PlansModule,
        CommitmentsModule,
        ActivitiesModule,
        WeightsModule,
        ProgressModule,
        IndicatorsModule,
        CommunicationsModule,
        BlockersModule,
        PlanImportModule,
        SnapshotModule,
      ],
      controllers: [serviceInfoController('commitments')],
    };
  }
}
