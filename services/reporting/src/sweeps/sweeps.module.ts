import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { SweepsController } from './sweeps.controller';
import { SweepsRepository } from './sweeps.repository';
import { SweepsService } from './sweeps.service';

/** The deadline sweeps: overdue, late reporting, periodic reports and meeting reminders. */
@Module({
  imports: [JobsModule],
  controllers: [SweepsController],
  providers: [SweepsRepository, SweepsService],
})
export class SweepsModule {}
