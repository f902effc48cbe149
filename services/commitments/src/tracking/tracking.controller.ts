import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, SetStrategyDto } from '@ogp/contracts';
import { TrackingService } from './tracking.service';

@Controller()
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  @MessagePattern(CommitmentsRpc.setStrategy.subject)
  setStrategy(@Payload() dto: SetStrategyDto, @RpcActor() actor: Actor | null) {
    return this.tracking.setStrategy(actor, dto);
  }
}
