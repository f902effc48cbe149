import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, ImportPlanDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { PlanImportService } from './plan-import.service';

@Controller()
export class PlanImportController {
  constructor(private readonly importer: PlanImportService) {}

  @MessagePattern(CommitmentsRpc.importPlan.subject)
  import(@Payload() dto: ImportPlanDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.importer.import(actor, dto, key);
  }
}
