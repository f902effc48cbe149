import { Module } from '@nestjs/common';
import { ActivitiesRepository } from '../activities/activities.repository';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { CommitmentCoreModule } from './commitment-core.module';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsService } from './commitments.service';

/** Commitment cards and their completion level; exported for the plan import. */
@Module({
  imports: [CommitmentCoreModule],
  controllers: [CommitmentsController],
  providers: [CommitmentsService, ActivitiesRepository, IndicatorsRepository],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
