import { resolve } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@ogp/runtime';
import { StrategyRegistry } from '@ogp/tracking';
import { CommitmentCoreModule } from '../commitments/commitment-core.module';
import { TrackingController } from './tracking.controller';
import { REMOTE_STRATEGY_TIMEOUT_MS, STRATEGY_REGISTRY } from './tracking.constant';
import { TrackingRepository } from './tracking.repository';
import { TrackingService } from './tracking.service';

export interface TrackingModuleOptions {
  strategyModules: string;
  remoteTimeoutMs: number;
  clock?: Clock;
}

/**
 * The tracking strategies this deployment knows (built-ins plus the code modules named in
 * configuration), the clock they read "today" from, and the choice of strategy per programme,
 * institution or commitment. Global: every feature that computes progress reads the registry.
 */
@Module({})
export class TrackingModule {
  static register(options: TrackingModuleOptions): DynamicModule {
    const shared = [
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
    ];
    return {
      module: TrackingModule,
      global: true,
      imports: [CommitmentCoreModule],
      controllers: [TrackingController],
      providers: [...shared, TrackingService, TrackingRepository],
      exports: [Clock, STRATEGY_REGISTRY, REMOTE_STRATEGY_TIMEOUT_MS],
    };
  }
}
