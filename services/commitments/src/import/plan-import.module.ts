import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { PlansModule } from '../plans/plans.module';
import { PlanImportController } from './plan-import.controller';
import { PlanImportRepository } from './plan-import.repository';
import { PlanImportService } from './plan-import.service';

/** A whole plan from one file (JSON or CSV), through the institutions, plans and commitments features. */
@Module({
  imports: [InstitutionsModule, PlansModule, CommitmentsModule],
  controllers: [PlanImportController],
  providers: [PlanImportService, PlanImportRepository],
})
export class PlanImportModule {}
