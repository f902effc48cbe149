import { resolve } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@ogp/runtime';
import { StrategyRegistry } from '@ogp/tracking';
import { BlockersService } from '../blockers/blockers.service';
import { CommitmentViews } from '../commitments/commitment-views';
import { CommitmentsController } from '../commitments/commitments.controller';
import { CommitmentsService } from '../commitments/commitments.service';
import { PlanImportService } from '../import/plan-import.service';
import { PlansService } from '../plans/plans.service';
import { ProgressEngine, REMOTE_STRATEGY_TIMEOUT_MS, STRATEGY_REGISTRY } from '../progress/progress-engine';

export interface TrackingModuleOptions {
  strategyModules: string;
  remoteTimeoutMs: number;
  clock?: Clock;
}

/** Plans, commitments and their progress, with the strategies this deployment knows. */
@Module({})
export class TrackingModule {
  static register(options: TrackingModuleOptions): DynamicModule {
    return {
      module: TrackingModule,
      controllers: [CommitmentsController],
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: STRATEGY_REGISTRY,
          useFactory: () =>
            StrategyRegistry.fromModules(
              options.strategyModules
                .split(',')
                .filter(Boolean)
                .map((p) => resolve(p)),
            ),
        },
        { provide: REMOTE_STRATEGY_TIMEOUT_MS, useValue: options.remoteTimeoutMs },
        ProgressEngine,
        CommitmentViews,
        CommitmentsService,
        PlansService,
        BlockersService,
        PlanImportService,
      ],
      exports: [Clock, ProgressEngine, CommitmentsService, PlansService],
    };
  }
}
