import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc } from '@ogp/contracts';
import { IndicatorValueCmd } from './dto/indicators.dto';
import { IndicatorsService } from './indicators.service';

@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @MessagePattern(CommitmentsRpc.setIndicator.subject)
  set(@Payload() dto: IndicatorValueCmd, @RpcActor() actor: Actor | null) {
    return this.indicators.set(actor, dto.commitmentId, dto);
  }
}
