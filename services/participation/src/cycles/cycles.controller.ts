import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CreateCycleDto, PageQueryDto, ParticipationRpc } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { IdDto } from './cycles.dto';
import { CyclesService } from './cycles.service';

@Controller()
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @MessagePattern(ParticipationRpc.createCycle.subject)
  create(@Payload() dto: CreateCycleDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.cycles.create(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.getCycle.subject)
  get(@Payload() dto: IdDto) {
    return this.cycles.get(dto.id);
  }
  @MessagePattern(ParticipationRpc.listCycles.subject)
  list(@Payload() dto: PageQueryDto) {
    return this.cycles.list(dto);
  }
}
