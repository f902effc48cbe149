import { Module } from '@nestjs/common';
import { CommitmentCoreModule } from '../commitments/commitment-core.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

@Module({
  imports: [CommitmentCoreModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, IndicatorsRepository],
})
export class IndicatorsModule {}
