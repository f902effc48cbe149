import { Module } from '@nestjs/common';
import { ConsultationModule } from '../consultation/consultation.module';
import { CyclesModule } from '../cycles/cycles.module';
import { IdeasModule } from '../ideas/ideas.module';
import { FateController } from './fate.controller';
import { FateRepository } from './fate.repository';
import { FateService } from './fate.service';

@Module({
  imports: [IdeasModule, CyclesModule, ConsultationModule],
  controllers: [FateController],
  providers: [FateRepository, FateService],
})
export class FateModule {}
