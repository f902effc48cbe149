import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { HistoryModule } from '../history/history.module';
import { WorkshopsModule } from '../workshops/workshops.module';
import { IdeasController } from './ideas.controller';
import { IdeasRepository } from './ideas.repository';
import { IdeasService } from './ideas.service';

@Module({
  imports: [CyclesModule, WorkshopsModule, HistoryModule],
  controllers: [IdeasController],
  providers: [IdeasRepository, IdeasService],
  exports: [IdeasRepository, IdeasService],
})
export class IdeasModule {}
