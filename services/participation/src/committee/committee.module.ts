import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { HistoryModule } from '../history/history.module';
import { PhasesModule } from '../phases/phases.module';
import { CommitteeController } from './committee.controller';
import { CommitteeRepository } from './committee.repository';
import { CommitteeService } from './committee.service';

@Module({
  imports: [CyclesModule, PhasesModule, HistoryModule],
  controllers: [CommitteeController],
  providers: [CommitteeRepository, CommitteeService],
})
export class CommitteeModule {}
