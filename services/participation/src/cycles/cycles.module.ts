import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { PhasesModule } from '../phases/phases.module';
import { CyclesController } from './cycles.controller';
import { CyclesRepository } from './cycles.repository';
import { CyclesService } from './cycles.service';

@Module({
  imports: [PhasesModule, HistoryModule],
  controllers: [CyclesController],
  providers: [CyclesRepository, CyclesService],
  exports: [CyclesRepository, CyclesService],
})
export class CyclesModule {}
