import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { BulkFateStepDto, IdeaTriageQueryDto, IsOptional, ParticipationRpc } from '@ogp/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IdeasService } from './ideas.service';

class BulkFateCmd extends BulkFateStepDto {
  @IsUUID()
  cycleId: string;
}
class TriageList extends IdeaTriageQueryDto {
  @IsUUID()
  cycleId: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** The coordination team's triage of a cycle's ideas: the list by step, and one fate step for a selection. */
@Controller()
export class IdeaTriageController {
  constructor(private readonly ideas: IdeasService) {}

  @MessagePattern(ParticipationRpc.triageIdeas.subject)
  triage(@Payload() dto: TriageList, @RpcActor() actor: Actor | null) {
    return this.ideas.triage(actor, dto);
  }
  @MessagePattern(ParticipationRpc.bulkFateStep.subject)
  bulkFate(@Payload() dto: BulkFateCmd, @RpcActor() actor: Actor | null) {
    const { cycleId, ...step } = dto;
    return this.ideas.stepMany(actor, cycleId, step);
  }
}
