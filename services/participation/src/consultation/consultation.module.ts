import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { HistoryModule } from '../history/history.module';
import { ConsultationController } from './consultation.controller';
import { ConsultationRepository } from './consultation.repository';
import { ConsultationService } from './consultation.service';

@Module({
  imports: [CyclesModule, HistoryModule],
  controllers: [ConsultationController],
  providers: [ConsultationRepository, ConsultationService],
  exports: [ConsultationRepository],
})
export class ConsultationModule {}
