import { Module } from '@nestjs/common';
import { JobRegistry } from './job.registry';
import { JobsController } from './jobs.controller';
import { SchedulerService } from './scheduler.service';

/** The BullMQ queue, its schedules and worker, and the registry each feature puts its job handlers in. */
@Module({
  controllers: [JobsController],
  providers: [JobRegistry, SchedulerService],
  exports: [JobRegistry, SchedulerService],
})
export class JobsModule {}
