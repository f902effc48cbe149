import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { ParticipationRpc } from '@ogp/contracts';
import { BulkFateCommandDto, FateStepCommandDto, TriageListDto } from './fate.dto';
import { FateService } from './fate.service';

/** The coordination team's triage of a cycle's ideas: one fate step, the list by step, one step for a selection. */
@Controller()
export class FateController {
  constructor(private readonly fate: FateService) {}

  @MessagePattern(ParticipationRpc.fateStep.subject)
  step(@Payload() dto: FateStepCommandDto, @RpcActor() actor: Actor | null) {
    const { ideaId, ...step } = dto;
    return this.fate.step(actor, ideaId, step);
  }
  @MessagePattern(ParticipationRpc.triageIdeas.subject)
  triage(@Payload() dto: TriageListDto, @RpcActor() actor: Actor | null) {
    return this.fate.triage(actor, dto);
  }
  @MessagePattern(ParticipationRpc.bulkFateStep.subject)
  bulk(@Payload() dto: BulkFateCommandDto, @RpcActor() actor: Actor | null) {
    const { cycleId, ...step } = dto;
    return this.fate.stepMany(actor, cycleId, step);
  }
}
