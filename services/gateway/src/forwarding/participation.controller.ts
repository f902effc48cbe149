import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@ogp/auth';
import {
  AttendanceDto,
  CandidacyDto,
  CommentAnswerDto,
  CommentDto,
  CreateCycleDto,
  CreateWorkshopDto,
  DraftCommitmentDto,
  EndSeatDto,
  ErrorCode,
  FateStepDto,
  GovernmentSeatDto,
  HideIdeaDto,
  IdeaTextDto,
  IsOptional,
  ParticipationRpc,
  PUBLICATION_KINDS,
  PublicationDto,
  RankProblemsDto,
  ReportIdeaDto,
  SelectionDto,
  SubmitIdeaDto,
  WorkshopOutputsDto,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ALL_ROLES, STAFF_ROLES } from '../access/all-roles.constant';
import { PageQueryDto } from '../http/page-query.dto';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { forwardedActor } from './forwarded-actor';

type Authed = { user?: AuthenticatedActor };
const id = () => new ParseUUIDPipe();

class IdeaQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  themeId?: string;
}
class SimilarQueryDto {
  @IsString()
  @Length(1, 2000)
  text: string;
}
class PublicationQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PUBLICATION_KINDS as readonly string[] as string[])
  kind?: string;

  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  drafts?: boolean;
}

/** Co-creation: cycles, ideas and their fate, workshops, consultation, committee, publications. */
@ApiTags('co-creation')
@Controller()
export class ParticipationController {
  constructor(private readonly rpc: NatsRpcClient) {}

  private as(req: Authed) {
    return { actor: forwardedActor(req.user) };
  }

  @Public()
  @Get('cycles')
  cycles(@Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.listCycles, { limit: page.limit, offset: page.offset });
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('cycles')
  createCycle(@Req() req: Authed, @Body() dto: CreateCycleDto) {
    return this.rpc.request(ParticipationRpc.createCycle, dto, this.as(req));
  }
  @Public()
  @Get('cycles/:id')
  cycle(@Param('id', id()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.getCycle, { id: cycleId });
  }
  @Public()
  @Get('cycles/:id/statistics')
  statistics(@Param('id', id()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.statistics, { id: cycleId }, { timeoutMs: 30000 });
  }
  @Public()
  @Get('cycles/:id/ideas')
  ideas(@Param('id', id()) cycleId: string, @Query() q: IdeaQueryDto) {
    return this.rpc.request(ParticipationRpc.listIdeas, {
      cycleId,
      themeId: q.themeId,
      limit: q.limit,
      offset: q.offset,
    });
  }
  @Public()
  @Get('cycles/:id/ideas/similar')
  similar(@Param('id', id()) cycleId: string, @Query() q: SimilarQueryDto) {
    return this.rpc.request(ParticipationRpc.similarIdeas, { cycleId, text: q.text });
  }
  @Public()
  @Get('cycles/:id/workshops')
  workshops(@Param('id', id()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.listWorkshops, { cycleId });
  }
  @Public()
  @Get('cycles/:id/drafts')
  drafts(@Param('id', id()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.listDrafts, { cycleId });
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES, 'committee_member')
  @Get('cycles/:id/candidacies')
  candidacies(@Req() req: Authed, @Param('id', id()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.listCandidacies, { cycleId }, this.as(req));
  }

  @ApiBearerAuth()
  @Roles('citizen', 'cso')
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED, ErrorCode.RATE_LIMITED)
  @Post('ideas')
  submit(@Req() req: Authed, @Body() dto: SubmitIdeaDto) {
    return this.rpc.request(ParticipationRpc.submitIdea, dto, this.as(req));
  }
  @Public()
  @Get('ideas/:id')
  idea(@Req() req: Authed, @Param('id', id()) ideaId: string) {
    return this.rpc.request(ParticipationRpc.getIdea, { id: ideaId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Get('me/ideas')
  mine(@Req() req: Authed, @Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.myIdeas, { limit: page.limit, offset: page.offset }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
  @Post('ideas/:id/fate')
  fate(@Req() req: Authed, @Param('id', id()) ideaId: string, @Body() dto: FateStepDto) {
    return this.rpc.request(ParticipationRpc.fateStep, { ...dto, ideaId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @HttpCode(200)
  @Post('ideas/:id/report')
  report(@Req() req: Authed, @Param('id', id()) ideaId: string, @Body() dto: ReportIdeaDto) {
    return this.rpc.request(ParticipationRpc.reportIdea, { ...dto, ideaId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('ideas/:id/hide')
  hide(@Req() req: Authed, @Param('id', id()) ideaId: string, @Body() dto: HideIdeaDto) {
    return this.rpc.request(ParticipationRpc.hideIdea, { ...dto, ideaId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles('citizen', 'cso')
  @HttpCode(200)
  @Post('ideas/:id/support')
  support(@Req() req: Authed, @Param('id', id()) ideaId: string) {
    return this.rpc.request(ParticipationRpc.supportIdea, { ideaId }, this.as(req));
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('workshops')
  createWorkshop(@Req() req: Authed, @Body() dto: CreateWorkshopDto) {
    return this.rpc.request(ParticipationRpc.createWorkshop, dto, this.as(req));
  }
  @Public()
  @Get('workshops/:id')
  workshop(@Param('id', id()) workshopId: string) {
    return this.rpc.request(ParticipationRpc.getWorkshop, { id: workshopId });
  }
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED, ErrorCode.FULL, ErrorCode.CONFLICT)
  @Post('workshops/:id/registrations')
  register(@Req() req: Authed, @Param('id', id()) workshopId: string) {
    return this.rpc.request(ParticipationRpc.register, { workshopId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Delete('workshops/:id/registrations/:code')
  cancel(@Req() req: Authed, @Param('id', id()) workshopId: string, @Param('code') code: string) {
    return this.rpc.request(
      ParticipationRpc.cancelRegistration,
      { workshopId, code: String(code).slice(0, 20) },
      this.as(req),
    );
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @Post('workshops/:id/attendance')
  attendance(@Req() req: Authed, @Param('id', id()) workshopId: string, @Body() dto: AttendanceDto) {
    return this.rpc.request(ParticipationRpc.markAttendance, { ...dto, workshopId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Post('workshops/:id/ideas')
  workshopIdea(@Req() req: Authed, @Param('id', id()) workshopId: string, @Body() dto: IdeaTextDto) {
    return this.rpc.request(ParticipationRpc.recordWorkshopIdea, { ...dto, workshopId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Put('workshops/:id/problems')
  problems(@Req() req: Authed, @Param('id', id()) workshopId: string, @Body() dto: RankProblemsDto) {
    return this.rpc.request(ParticipationRpc.rankProblems, { ...dto, workshopId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Put('workshops/:id/outputs')
  outputs(@Req() req: Authed, @Param('id', id()) workshopId: string, @Body() dto: WorkshopOutputsDto) {
    return this.rpc.request(ParticipationRpc.workshopOutputs, { ...dto, workshopId }, this.as(req));
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('drafts')
  createDraft(@Req() req: Authed, @Body() dto: DraftCommitmentDto) {
    return this.rpc.request(ParticipationRpc.createDraft, dto, this.as(req));
  }
  @Public()
  @Get('drafts/:id/comments')
  comments(@Param('id', id()) draftId: string, @Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.listComments, { draftId, limit: page.limit, offset: page.offset });
  }
  @ApiBearerAuth()
  @Roles('citizen', 'cso', 'committee_member')
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED)
  @Post('drafts/:id/comments')
  comment(@Req() req: Authed, @Param('id', id()) draftId: string, @Body() dto: CommentDto) {
    return this.rpc.request(ParticipationRpc.comment, { ...dto, draftId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles('project_manager', ...STAFF_ROLES)
  @HttpCode(200)
  @Post('comments/:id/answer')
  answer(@Req() req: Authed, @Param('id', id()) commentId: string, @Body() dto: CommentAnswerDto) {
    return this.rpc.request(ParticipationRpc.answerComment, { ...dto, commentId }, this.as(req));
  }

  /** Who answered a comment and every later change of the answer: public, like the answer itself. */
  @Public()
  @Get('comments/:id/history')
  commentHistory(@Param('id', id()) commentId: string, @Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.commentHistory, { id: commentId, limit: page.limit, offset: page.offset });
  }

  @ApiBearerAuth()
  @Roles('cso')
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED)
  @Post('candidacies')
  apply(@Req() req: Authed, @Body() dto: CandidacyDto) {
    return this.rpc.request(ParticipationRpc.apply, dto, this.as(req));
  }
  @Public()
  @Get('committee')
  composition() {
    return this.rpc.request(ParticipationRpc.composition, {});
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('committee/selection')
  select(@Req() req: Authed, @Body() dto: SelectionDto) {
    return this.rpc.request(ParticipationRpc.select, dto, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Post('committee/government-seats')
  governmentSeat(@Req() req: Authed, @Body() dto: GovernmentSeatDto) {
    return this.rpc.request(ParticipationRpc.addGovernmentSeat, dto, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @Post('committee/seats/:id/end')
  endSeat(@Req() req: Authed, @Param('id', id()) seatId: string, @Body() dto: EndSeatDto) {
    return this.rpc.request(ParticipationRpc.endSeat, { ...dto, seatId }, this.as(req));
  }

  @Public()
  @Get('publications')
  publications(@Req() req: Authed, @Query() q: PublicationQueryDto) {
    return this.rpc.request(
      ParticipationRpc.listPublications,
      { kind: q.kind, drafts: q.drafts, limit: q.limit, offset: q.offset },
      this.as(req),
    );
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Post('publications')
  createPublication(@Req() req: Authed, @Body() dto: PublicationDto) {
    return this.rpc.request(ParticipationRpc.createPublication, dto, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @Post('publications/:id/publish')
  publish(@Req() req: Authed, @Param('id', id()) publicationId: string) {
    return this.rpc.request(ParticipationRpc.publish, { id: publicationId }, this.as(req));
  }
}
