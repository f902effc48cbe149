import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Actor, assertRole, RpcActor } from '@ogp/auth';
import { ReportingRpc } from '@ogp/contracts';
import { SchedulerService } from './scheduler.service';

/** The jobs' state, for an administrator. */
@Controller()
export class JobsController {
  constructor(private readonly scheduler: SchedulerService) {}

  @MessagePattern(ReportingRpc.jobs.subject)
  jobs(@RpcActor() actor: Actor | null) {
    assertRole(actor, ['admin']);
    return this.scheduler.overview();
  }
}
