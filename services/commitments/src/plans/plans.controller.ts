import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, CreateAreaDto, CreatePlanDto, IdParamDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { DashboardQueryDto, ProgrammeIdDto } from './dto/plans.dto';
import { PlansService } from './plans.service';

/** Plans, their areas and the plan's dashboard. */
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @MessagePattern(CommitmentsRpc.createPlan.subject)
  createPlan(@Payload() dto: CreatePlanDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.plans.createPlan(actor, dto, undefined, key);
  }

  @MessagePattern(CommitmentsRpc.getPlan.subject)
  getPlan(@Payload() dto: IdParamDto) {
    return this.plans.getPlan(dto.id);
  }

  @MessagePattern(CommitmentsRpc.listPlans.subject)
  listPlans(@Payload() dto: ProgrammeIdDto) {
    return this.plans.listPlans(dto.programmeId);
  }

  @MessagePattern(CommitmentsRpc.planDashboard.subject)
  dashboard(@Payload() dto: DashboardQueryDto) {
    return this.plans.dashboard(dto.id, dto.fresh === true);
  }

  @MessagePattern(CommitmentsRpc.createArea.subject)
  createArea(@Payload() dto: CreateAreaDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.plans.createArea(actor, dto, undefined, key);
  }
}
