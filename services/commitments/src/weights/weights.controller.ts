import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc } from '@ogp/contracts';
import { SetWeightsCmd } from './dto/weights.dto';
import { WeightsService } from './weights.service';

@Controller()
export class WeightsController {
  constructor(private readonly weights: WeightsService) {}

  @MessagePattern(CommitmentsRpc.setWeights.subject)
  set(@Payload() dto: SetWeightsCmd, @RpcActor() actor: Actor | null) {
    return this.weights.set(actor, dto.commitmentId, dto);
  }
}
