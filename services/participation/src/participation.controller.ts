import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { RpcIdempotencyKey } from '@ogp/messaging';
import {
  AttendanceDto,
  CandidacyDto,
  CommentAnswerDto,
  CommentDto,
  CreateCycleDto,
  CreateWorkshopDto,
  DraftCommitmentDto,
  EndSeatDto,
  FateStepDto,
  GovernmentSeatDto,
  HideIdeaDto,
  IsOptional,
  PageQueryDto,
  ParticipationRpc,
  PUBLICATION_KINDS,
  PublicationDto,
  RankProblemsDto,
  ReportIdeaDto,
  SelectionDto,
  SubmitIdeaDto,
  WorkshopIdeaDto,
  WorkshopOutputsDto,
} from '@ogp/contracts';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { CommitteeService } from './committee/committee.service';
import { ConsultationService } from './consultation/consultation.service';
import { CyclesService } from './cycles/cycles.service';
import { IdeasService } from './ideas/ideas.service';
import { PublicationsService } from './publications/publications.service';
import { StatisticsService } from './statistics/statistics.service';
import { WorkshopsService } from './workshops/workshops.service';

class Id {
  @IsUUID()
  id: string;
}
class CycleRef {
  @IsUUID()
  cycleId: string;
}
class IdeaRef {
  @IsUUID()
  ideaId: string;
}
class WorkshopRef {
  @IsUUID()
  workshopId: string;
}
class IdeaList extends PageQueryDto {
  @IsUUID()
  cycleId: string;

  @IsOptional()
  @IsUUID()
  themeId?: string;
}
class Similar {
  @IsUUID()
  cycleId: string;

  @IsString()
  @Length(1, 2000)
  text: string;
}
class FateCmd extends FateStepDto {
  @IsUUID()
  ideaId: string;
}
class ReportCmd extends ReportIdeaDto {
  @IsUUID()
  ideaId: string;
}
class HideCmd extends HideIdeaDto {
  @IsUUID()
  ideaId: string;
}
class CancelCmd {
  @IsUUID()
  workshopId: string;

  @IsString()
  @Length(6, 20)
  code: string;
}
class AttendanceCmd extends AttendanceDto {
  @IsUUID()
  workshopId: string;
}
class ProblemsCmd extends RankProblemsDto {
  @IsUUID()
  workshopId: string;
}
class OutputsCmd extends WorkshopOutputsDto {
  @IsUUID()
  workshopId: string;
}
class CommentCmd extends CommentDto {
  @IsUUID()
  draftId: string;
}
class CommentList extends PageQueryDto {
  @IsUUID()
  draftId: string;
}
class AnswerCmd extends CommentAnswerDto {
  @IsUUID()
  commentId: string;
}
class HistoryQuery extends PageQueryDto {
  @IsUUID()
  id: string;
}
class EndSeatCmd extends EndSeatDto {
  @IsUUID()
  seatId: string;
}
class PublicationList extends PageQueryDto {
  @IsOptional()
  @IsIn(PUBLICATION_KINDS as readonly string[] as string[])
  kind?: string;

  @IsOptional()
  @IsBoolean()
  drafts?: boolean;
}

/** The NATS face of co-creation. */
@Controller()
export class ParticipationController {
  constructor(
    private readonly cycles: CyclesService,
    private readonly ideas: IdeasService,
    private readonly workshops: WorkshopsService,
    private readonly consultation: ConsultationService,
    private readonly committee: CommitteeService,
    private readonly publications: PublicationsService,
    private readonly statistics: StatisticsService,
  ) {}

  @MessagePattern(ParticipationRpc.createCycle.subject)
  createCycle(@Payload() dto: CreateCycleDto, @RpcActor() actor: Actor | null) {
    return this.cycles.create(actor, dto);
  }
  @MessagePattern(ParticipationRpc.getCycle.subject)
  getCycle(@Payload() dto: Id) {
    return this.cycles.get(dto.id);
  }
  @MessagePattern(ParticipationRpc.listCycles.subject)
  listCycles(@Payload() dto: PageQueryDto) {
    return this.cycles.list(dto);
  }
  @MessagePattern(ParticipationRpc.statistics.subject)
  stats(@Payload() dto: Id) {
    return this.statistics.compute(dto.id);
  }
  @MessagePattern(ParticipationRpc.submitIdea.subject)
  submit(@Payload() dto: SubmitIdeaDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.ideas.submit(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.recordWorkshopIdea.subject)
  recordWorkshopIdea(@Payload() dto: WorkshopIdeaDto, @RpcActor() actor: Actor | null) {
    return this.ideas.recordFromWorkshop(actor, dto);
  }
  @MessagePattern(ParticipationRpc.listIdeas.subject)
  listIdeas(@Payload() dto: IdeaList) {
    return this.ideas.list(dto);
  }
  @MessagePattern(ParticipationRpc.getIdea.subject)
  getIdea(@Payload() dto: Id, @RpcActor() actor: Actor | null) {
    return this.ideas.get(actor, dto.id);
  }
  @MessagePattern(ParticipationRpc.myIdeas.subject)
  mine(@Payload() dto: PageQueryDto, @RpcActor() actor: Actor | null) {
    return this.ideas.mine(actor, dto);
  }
  @MessagePattern(ParticipationRpc.similarIdeas.subject)
  similar(@Payload() dto: Similar) {
    return this.ideas.similar(dto.cycleId, dto.text);
  }
  @MessagePattern(ParticipationRpc.fateStep.subject)
  fate(@Payload() dto: FateCmd, @RpcActor() actor: Actor | null) {
    const { ideaId, ...step } = dto;
    return this.ideas.step(actor, ideaId, step);
  }
  @MessagePattern(ParticipationRpc.reportIdea.subject)
  report(@Payload() dto: ReportCmd, @RpcActor() actor: Actor | null) {
    return this.ideas.report(actor, dto.ideaId, dto.reason);
  }
  @MessagePattern(ParticipationRpc.hideIdea.subject)
  hide(@Payload() dto: HideCmd, @RpcActor() actor: Actor | null) {
    return this.ideas.hide(actor, dto.ideaId, dto.reason);
  }
  @MessagePattern(ParticipationRpc.supportIdea.subject)
  support(@Payload() dto: IdeaRef, @RpcActor() actor: Actor | null) {
    return this.ideas.support(actor, dto.ideaId);
  }
  @MessagePattern(ParticipationRpc.createWorkshop.subject)
  createWorkshop(@Payload() dto: CreateWorkshopDto, @RpcActor() actor: Actor | null) {
    return this.workshops.create(actor, dto);
  }
  @MessagePattern(ParticipationRpc.getWorkshop.subject)
  getWorkshop(@Payload() dto: Id) {
    return this.workshops.get(dto.id);
  }
  @MessagePattern(ParticipationRpc.listWorkshops.subject)
  listWorkshops(@Payload() dto: CycleRef) {
    return this.workshops.list(dto.cycleId);
  }
  @MessagePattern(ParticipationRpc.register.subject)
  register(@Payload() dto: WorkshopRef, @RpcActor() actor: Actor | null) {
    return this.workshops.register(actor, dto.workshopId);
  }
  @MessagePattern(ParticipationRpc.cancelRegistration.subject)
  cancel(@Payload() dto: CancelCmd, @RpcActor() actor: Actor | null) {
    return this.workshops.cancel(actor, dto.workshopId, dto.code);
  }
  @MessagePattern(ParticipationRpc.markAttendance.subject)
  attendance(@Payload() dto: AttendanceCmd, @RpcActor() actor: Actor | null) {
    return this.workshops.markAttendance(actor, dto.workshopId, dto);
  }
  @MessagePattern(ParticipationRpc.rankProblems.subject)
  problems(@Payload() dto: ProblemsCmd, @RpcActor() actor: Actor | null) {
    return this.workshops.rankProblems(actor, dto.workshopId, dto);
  }
  @MessagePattern(ParticipationRpc.workshopOutputs.subject)
  outputs(@Payload() dto: OutputsCmd, @RpcActor() actor: Actor | null) {
    return this.workshops.outputs(actor, dto.workshopId, dto);
  }
  @MessagePattern(ParticipationRpc.createDraft.subject)
  createDraft(@Payload() dto: DraftCommitmentDto, @RpcActor() actor: Actor | null) {
    return this.consultation.createDraft(actor, dto);
  }
  @MessagePattern(ParticipationRpc.listDrafts.subject)
  listDrafts(@Payload() dto: CycleRef) {
    return this.consultation.listDrafts(dto.cycleId);
  }
  @MessagePattern(ParticipationRpc.comment.subject)
  comment(@Payload() dto: CommentCmd, @RpcActor() actor: Actor | null) {
    return this.consultation.comment(actor, dto.draftId, dto.body);
  }
  @MessagePattern(ParticipationRpc.listComments.subject)
  comments(@Payload() dto: CommentList) {
    return this.consultation.list(dto);
  }
  @MessagePattern(ParticipationRpc.answerComment.subject)
  answer(@Payload() dto: AnswerCmd, @RpcActor() actor: Actor | null) {
    return this.consultation.answer(actor, dto.commentId, dto.answer);
  }
  @MessagePattern(ParticipationRpc.commentHistory.subject)
  commentHistory(@Payload() dto: HistoryQuery) {
    return this.consultation.history(dto);
  }
  @MessagePattern(ParticipationRpc.apply.subject)
  apply(@Payload() dto: CandidacyDto, @RpcActor() actor: Actor | null) {
    return this.committee.apply(actor, dto);
  }
  @MessagePattern(ParticipationRpc.listCandidacies.subject)
  candidacies(@Payload() dto: CycleRef, @RpcActor() actor: Actor | null) {
    return this.committee.candidacies(actor, dto.cycleId);
  }
  @MessagePattern(ParticipationRpc.select.subject)
  select(@Payload() dto: SelectionDto, @RpcActor() actor: Actor | null) {
    return this.committee.select(actor, dto);
  }
  @MessagePattern(ParticipationRpc.addGovernmentSeat.subject)
  governmentSeat(@Payload() dto: GovernmentSeatDto, @RpcActor() actor: Actor | null) {
    return this.committee.addGovernmentSeat(actor, dto);
  }
  @MessagePattern(ParticipationRpc.endSeat.subject)
  endSeat(@Payload() dto: EndSeatCmd, @RpcActor() actor: Actor | null) {
    return this.committee.endSeat(actor, dto.seatId, dto.reason);
  }
  @MessagePattern(ParticipationRpc.composition.subject)
  composition() {
    return this.committee.composition();
  }
  @MessagePattern(ParticipationRpc.createPublication.subject)
  createPublication(@Payload() dto: PublicationDto, @RpcActor() actor: Actor | null) {
    return this.publications.create(actor, dto);
  }
  @MessagePattern(ParticipationRpc.publish.subject)
  publish(@Payload() dto: Id, @RpcActor() actor: Actor | null) {
    return this.publications.publish(actor, dto.id);
  }
  @MessagePattern(ParticipationRpc.listPublications.subject)
  listPublications(@Payload() dto: PublicationList, @RpcActor() actor: Actor | null) {
    return this.publications.list(actor, dto);
  }
}
