import { Module } from '@nestjs/common';
import { CommitmentCoreModule } from '../commitments/commitment-core.module';
import { WeightsRepository } from './weights.repository';
import { WeightsController } from './weights.controller';
import { WeightsService } from './weights.service';

@Module({
  imports: [CommitmentCoreModule],
  controllers: [WeightsController],
  providers: [WeightsService, WeightsRepository],
})
export class WeightsModule {}
