import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsRepository } from './institutions.repository';
import { InstitutionsService } from './institutions.service';

/** Institutions; exported for the plan import, which creates the ones its file names. */
@Module({
  imports: [HistoryModule],
  controllers: [InstitutionsController],
  providers: [InstitutionsService, InstitutionsRepository],
  exports: [InstitutionsService, InstitutionsRepository],
})
export class InstitutionsModule {}
