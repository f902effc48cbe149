import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { PageQueryDto, ParticipationRpc, SubmitIdeaDto, WorkshopIdeaDto } from '@ogp/contracts';
import { GatewayValidated, RpcIdempotencyKey } from '@ogp/messaging';
import { IdDto } from '../cycles/cycles.dto';
import { HideIdeaCommandDto, IdeaListDto, IdeaRefDto, ReportIdeaCommandDto, SimilarIdeasDto } from './ideas.dto';
import { IdeasService } from './ideas.service';

@Controller()
export class IdeasController {
  constructor(private readonly ideas: IdeasService) {}

  @MessagePattern(ParticipationRpc.submitIdea.subject)
  submit(
    // Only the gateway publishes this subject; the service checks what needs its data (window, theme, hourly limit).
    @Payload() dto: GatewayValidated<SubmitIdeaDto>,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    return this.ideas.submit(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.recordWorkshopIdea.subject)
  recordWorkshopIdea(
    @Payload() dto: WorkshopIdeaDto,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    return this.ideas.recordFromWorkshop(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.listIdeas.subject)
  list(@Payload() dto: IdeaListDto) {
    return this.ideas.list(dto);
  }
  @MessagePattern(ParticipationRpc.getIdea.subject)
  get(@Payload() dto: IdDto, @RpcActor() actor: Actor | null) {
    return this.ideas.get(actor, dto.id);
  }
  @MessagePattern(ParticipationRpc.myIdeas.subject)
  mine(@Payload() dto: PageQueryDto, @RpcActor() actor: Actor | null) {
    return this.ideas.mine(actor, dto);
  }
  @MessagePattern(ParticipationRpc.similarIdeas.subject)
  similar(@Payload() dto: SimilarIdeasDto) {
    return this.ideas.similar(dto.cycleId, dto.text);
  }
  @MessagePattern(ParticipationRpc.reportIdea.subject)
  report(@Payload() dto: ReportIdeaCommandDto, @RpcActor() actor: Actor | null) {
    return this.ideas.report(actor, dto.ideaId, dto.reason);
  }
  @MessagePattern(ParticipationRpc.hideIdea.subject)
  hide(@Payload() dto: HideIdeaCommandDto, @RpcActor() actor: Actor | null) {
    return this.ideas.hide(actor, dto.ideaId, dto.reason);
  }
  @MessagePattern(ParticipationRpc.supportIdea.subject)
  support(@Payload() dto: IdeaRefDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.ideas.support(actor, dto.ideaId, key);
  }
}
