import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsRepository } from './workshops.repository';
import { WorkshopsService } from './workshops.service';

@Module({
  imports: [CyclesModule],
  controllers: [WorkshopsController],
  providers: [WorkshopsRepository, WorkshopsService],
  exports: [WorkshopsRepository],
})
export class WorkshopsModule {}
