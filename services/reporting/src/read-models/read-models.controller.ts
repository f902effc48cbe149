import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Actor, assertRole, RpcActor } from '@ogp/auth';
import { ReportingRpc } from '@ogp/contracts';
import { ReadModelsService } from './read-models.service';

/** Rebuilding the read models from their owners, for an administrator. */
@Controller()
export class ReadModelsController {
  constructor(private readonly readModels: ReadModelsService) {}

  @MessagePattern(ReportingRpc.rebuild.subject)
  rebuild(@RpcActor() actor: Actor | null) {
    assertRole(actor, ['admin']);
    return this.readModels.rebuild();
  }
}
