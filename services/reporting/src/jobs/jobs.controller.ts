import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Actor, assertRole, RpcActor } from '@ogp/auth';
import { ReportingRpc } from '@ogp/contracts';
import { ReadModelsService } from '../read-models/read-models.service';
import { SchedulerService } from './scheduler.service';

/** Operations an administrator runs on the service: the jobs' state, and rebuilding the read models from their owners. */
@Controller()
export class JobsController {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly readModels: ReadModelsService,
  ) {}

  @MessagePattern(ReportingRpc.jobs.subject)
  jobs(@RpcActor() actor: Actor | null) {
    assertRole(actor, ['admin']);
    return this.scheduler.overview();
  }

  @MessagePattern(ReportingRpc.rebuild.subject)
  rebuild(@RpcActor() actor: Actor | null) {
    assertRole(actor, ['admin']);
    return this.readModels.rebuild();
  }
}
