import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { ProgressEngine } from '../progress/progress-engine';
import { RollupRepository } from '../progress/rollup.repository';
import { CommitmentViewsRepository } from './commitment-views.repository';
import { CommitmentViews } from './commitment-views.service';
import { CommitmentsRepository } from './commitments.repository';

/**
 * What every command on a commitment uses: the locked row, the progress roll-up engine, the
 * change runner and the fresh card it answers. The strategy registry and clock come from the
 * global TrackingModule.
 */
@Module({
  imports: [HistoryModule],
  providers: [
    CommitmentsRepository,
    CommitmentViewsRepository,
    CommitmentViews,
    RollupRepository,
    ProgressEngine,
    CommitmentChangeRunner,
  ],
  exports: [HistoryModule, CommitmentsRepository, CommitmentViews, ProgressEngine, CommitmentChangeRunner],
})
export class CommitmentCoreModule {}
