import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ReadModelsController } from './read-models.controller';
import { ReadModelsRepository } from './read-models.repository';
import { ReadModelsService } from './read-models.service';

/** The copies of the commitments' and participation's data the reports read, kept by their events and rebuilt on demand. */
@Module({
  imports: [JobsModule],
  controllers: [ReadModelsController],
  providers: [ReadModelsRepository, ReadModelsService],
  exports: [ReadModelsRepository],
})
export class ReadModelsModule {}
