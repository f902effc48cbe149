import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

/** Plans and areas; exported for the plan import. */
@Module({
  imports: [HistoryModule],
  controllers: [PlansController],
  providers: [PlansService, PlansRepository],
  exports: [PlansService],
})
export class PlansModule {}
