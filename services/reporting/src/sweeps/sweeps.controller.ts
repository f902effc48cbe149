import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, assertRole, RoleGroup, RpcActor } from '@ogp/auth';
import { ReportingRpc } from '@ogp/contracts';
import { SweepDto } from './dto/sweep.dto';
import { SweepsService } from './sweeps.service';

@Controller()
export class SweepsController {
  constructor(private readonly sweeps: SweepsService) {}

  /** Runs a sweep now (the schedule runs it anyway); safe to repeat. */
  @MessagePattern(ReportingRpc.runSweep.subject)
  runSweep(@Payload() dto: SweepDto, @RpcActor() actor: Actor | null) {
    assertRole(actor, RoleGroup.COORDINATION);
    return this.sweeps.run(dto.kind);
  }
}
